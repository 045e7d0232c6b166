// Azure resources for the housing complaints bot (docs/deploy.md walks through a deployment):
//
//   user-assigned managed identity   the bot's identity towards Teams, Cosmos DB and Key Vault
//   Azure Bot Service + Teams        ./botRegistration/azurebot.bicep
//   App Service plan + Linux web app Node 20 LTS, `npm start`, HTTPS only, health check /readyz
//   Cosmos DB                        serverless by default; the database and containers the store
//                                    uses (cosmos-containers.json, generated from
//                                    src/store/cosmos-containers.ts); Built-in Data Contributor
//                                    for the identity, since the app uses it when COSMOS_KEY is empty
//   Key Vault (RBAC)                 secrets, read by the web app through Key Vault references
//   Log Analytics + App Insights     the app's console log (pino JSON) and platform telemetry
//
// The web app's app settings are every setting in src/config.ts (SETTINGS) except PORT, which
// App Service sets itself, plus the platform settings listed in ./platform-settings.ts.
// test/ship/infra-consistency.test.ts keeps the three in step.
//
// Follows the Microsoft 365 Agents Toolkit conventions (m365agents.yml provisions it with
// arm/deploy; the upper-case outputs are written to env/.env.<environment>), and deploys just
// as well with `az deployment group create` (docs/deploy.md).

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources: lowercase letters, digits and hyphens; the web app, Bot Service, Key Vault and Cosmos DB names must be globally unique')
param resourceBaseName string

@maxLength(42)
param botDisplayName string = 'Complaints'

param location string = resourceGroup().location

@description('App Service plan SKU. Basic (B1) or above: Always On and the health check need it')
param webAppSKU string = 'B1'

@allowed([
  'NODE|20-lts'
  'NODE|22-lts'
])
param linuxFxVersion string = 'NODE|20-lts'

@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
@description('UserAssignedMSI (recommended, no secret): the bot is the managed identity. SingleTenant: your own single-tenant Entra app; put its client secret in Key Vault as bot-app-password')
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the client id of your single-tenant Entra app registration')
param singleTenantAppId string = ''

@description('true: serverless Cosmos DB (billed per request). false: provisioned autoscale throughput shared by the database\'s containers')
param cosmosServerless bool = true

@minValue(1000)
@description('Autoscale maximum RU/s for the database when cosmosServerless is false (scales between 10% and 100% of it)')
param cosmosAutoscaleMaxThroughput int = 1000

@description('The Cosmos DB database name (COSMOS_DATABASE)')
param cosmosDatabaseName string = 'housing-complaints'

@description('false (recommended): the app signs in to Cosmos DB with the managed identity and account keys are disabled. true: the account key is kept in Key Vault and given to the app as COSMOS_KEY')
param cosmosUseAccountKey bool = false

@description('FILES_BLOB_CONTAINER: the private blob container for files attached to cases')
param filesContainerName string = 'case-files'

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
@description('Redundancy of the storage account that keeps files attached to cases (ZRS and GZRS are not offered in every region)')
param filesStorageSku string = 'Standard_LRS'

@minValue(1)
@maxValue(365)
@description('Days a deleted file (purge, erasure) can still be restored before it is gone for good')
param filesSoftDeleteDays int = 7

@description('COMPLAINT_POLICY: a policy preset id (npm run -s complaints -- policy list) or the path of a policy JSON file on the web app')
param complaintPolicy string = 'hos-2024'

@description('DIRECTORY_FILE: the staff directory JSON on the web app. Upload it there before the first start (docs/deploy.md); empty uses the invented demo directory')
param directoryFile string = '/home/site/config/directory.json'

@description('LANDLORD_FILE: the landlord JSON for letters (name, address, contact) on the web app; empty uses the invented example letterhead, and Teams says so on every draft')
param landlordFile string = ''

@description('LETTER_TEMPLATE: the landlord\'s Word letter template on the web app; empty uses the plain default that ships')
param letterTemplate string = ''

@description('DATA_DIR: the embedded database folder, used only when COSMOS_ENDPOINT is empty (never here); kept under /home, which survives restarts')
param dataDir string = '/home/data/complaints'

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

@minValue(0)
@maxValue(86400)
@description('REMINDER_SWEEP_SECONDS: how often the in-process reminder sweep runs; 0 turns the timer off')
param reminderSweepSeconds int = 300

@description('REMINDER_WORKING_HOURS: when reminders may be sent, Europe/London, HH:MM-HH:MM')
param reminderWorkingHours string = '09:00-17:00'

@description('true: REMINDER_RUN_SECRET is a Key Vault reference to the secret reminder-run-secret, enabling POST /api/reminders/run for an outside scheduler. Set the secret in Key Vault BEFORE turning this on (docs/deploy.md). false: the route is off; the in-process sweep still runs')
param reminderRunRouteEnabled bool = false

@description('GRAPH_BASE_URL: the Microsoft Graph endpoint; change only for a national cloud')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('TEAMS_APP_CATALOG_ID: the app\'s id in your Teams app catalog, known after you upload the package (docs/deploy.md); empty: the bot does not install the app for people')
param teamsAppCatalogId string = ''

@description('COMPLAINTS_MAILBOX: the mailbox the PIM reads (copies of complaints, responses, stage changes, the daily digest); empty: copies are only logged')
param complaintsMailbox string = ''

@description('MAIL_SENDER: the mailbox (user or shared) the bot sends mail as, through Graph; empty: mail is only logged')
param mailSender string = ''

@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

param tags object = {}

var keyVaultName = '${resourceBaseName}-kv'
var cosmosAccountName = toLower(resourceBaseName)
// The containers the store uses, with their partition keys and indexing policies.
var cosmosContainers = loadJsonContent('cosmos-containers.json')
var botAppId = botAppType == 'UserAssignedMSI' ? identity.properties.clientId : singleTenantAppId
var botAppPasswordSecretName = 'bot-app-password'
var cosmosKeySecretName = 'cosmos-account-key'
var reminderRunSecretName = 'reminder-run-secret'
// Built-in role ids
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
// Storage account names: 3-24 lower-case letters and digits, unique across Azure.
var filesStorageAccountName = take('${replace(toLower(resourceBaseName), '-', '')}files${uniqueString(resourceGroup().id)}', 24)
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
  tags: tags
}

// --- Monitoring

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: resourceBaseName
  location: location
  kind: 'web'
  tags: tags
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
  }
}

// --- Key Vault: RBAC only; the identity may read secrets, nothing more.

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- Cosmos DB

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  tags: tags
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: cosmosServerless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    // Entra ID only unless the key is asked for; databases and containers are created here,
    // never by a key-holding client.
    disableLocalAuth: !cosmosUseAccountKey
    disableKeyBasedMetadataWriteAccess: true
    publicNetworkAccess: 'Enabled'
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
    // Shared database throughput for all containers (docs/storage.md); serverless has none.
    options: cosmosServerless ? {} : {
      autoscaleSettings: {
        maxThroughput: cosmosAutoscaleMaxThroughput
      }
    }
  }
}

resource cosmosContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in cosmosContainers: {
  parent: cosmosDatabase
  name: container.id
  properties: {
    resource: {
      id: container.id
      partitionKey: {
        paths: container.partitionKey.paths
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: container.indexingPolicy
      // Only bot-state has one (-1: time to live on, each entry its own); null leaves it off.
      defaultTtl: container.?defaultTtl
    }
  }
}]

// Data-plane access for the app's identity (control-plane roles do not grant it).
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource cosmosKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (cosmosUseAccountKey) {
  parent: keyVault
  name: cosmosKeySecretName
  properties: {
    value: cosmos.listKeys().primaryMasterKey
  }
}

// --- Blob Storage: files attached to cases (src/files; docs/storage.md)

resource filesStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: filesStorageAccountName
  location: location
  kind: 'StorageV2'
  tags: tags
  sku: {
    name: filesStorageSku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // The app signs in with the managed identity; no account keys, no shared access signatures.
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource filesBlobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: filesStorage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: filesSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: filesSoftDeleteDays
    }
  }
}

resource filesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: filesBlobService
  name: filesContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Read, write and delete blobs in that one container, nothing else.
resource filesBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(filesContainer.id, identity.id, storageBlobDataContributorRoleId)
  scope: filesContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- App Service

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  tags: tags
  sku: {
    name: webAppSKU
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // --- The app's settings (src/config.ts SETTINGS). PORT is set by App Service.
        {
          name: 'MicrosoftAppId'
          value: botAppId
        }
        {
          // A local trial's switch: in Azure the bot always checks who is calling it.
          name: 'LOCAL_UNAUTHENTICATED'
          value: 'false'
        }
        {
          name: 'MicrosoftAppType'
          value: botAppType
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenant().tenantId
        }
        {
          name: 'MicrosoftAppPassword'
          value: botAppType == 'SingleTenant' ? '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botAppPasswordSecretName})' : ''
        }
        {
          name: 'DATA_DIR'
          value: dataDir
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmos.properties.documentEndpoint
        }
        {
          name: 'COSMOS_KEY'
          value: cosmosUseAccountKey ? '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${cosmosKeySecretName})' : ''
        }
        {
          name: 'COSMOS_DATABASE'
          value: cosmosDatabaseName
        }
        {
          name: 'FILES_BLOB_URL'
          value: filesStorage.properties.primaryEndpoints.blob
        }
        {
          name: 'FILES_BLOB_CONTAINER'
          value: filesContainerName
        }
        {
          // Azurite and local trials only: in Azure the app signs in with the managed identity.
          name: 'FILES_BLOB_CONNECTION_STRING'
          value: ''
        }
        {
          name: 'COMPLAINT_POLICY'
          value: complaintPolicy
        }
        {
          name: 'DIRECTORY_FILE'
          value: directoryFile
        }
        {
          name: 'LANDLORD_FILE'
          value: landlordFile
        }
        {
          name: 'LETTER_TEMPLATE'
          value: letterTemplate
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'REMINDER_SWEEP_SECONDS'
          value: string(reminderSweepSeconds)
        }
        {
          name: 'REMINDER_WORKING_HOURS'
          value: reminderWorkingHours
        }
        {
          name: 'REMINDER_RUN_SECRET'
          value: reminderRunRouteEnabled ? '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${reminderRunSecretName})' : ''
        }
        {
          name: 'GRAPH_BASE_URL'
          value: graphBaseUrl
        }
        {
          name: 'TEAMS_APP_CATALOG_ID'
          value: teamsAppCatalogId
        }
        {
          name: 'COMPLAINTS_MAILBOX'
          value: complaintsMailbox
        }
        {
          name: 'MAIL_SENDER'
          value: mailSender
        }
        // --- Platform settings (./platform-settings.ts says why each is here).
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
  dependsOn: [
    keyVaultSecretsUser
    cosmosDataContributor
    cosmosContainer
    filesBlobDataContributor
  ]
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// Register the web app as a bot with the Bot Framework, single tenant only.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botDisplayName: botDisplayName
    botServiceSku: botServiceSku
    botAppType: botAppType
    botAppId: botAppId
    identityResourceId: identity.id
    tenantId: tenant().tenantId
    botAppDomain: webApp.properties.defaultHostName
    tags: tags
  }
}

// Upper-case names: the Agents Toolkit writes them to env/.env.<environment> as they are.
@description('The bot\'s messaging endpoint, https://<host>/api/messages')
output BOT_ENDPOINT string = azureBotRegistration.outputs.botEndpoint
@description('The bot\'s app id (MicrosoftAppId): the Teams manifest\'s botId')
output BOT_ID string = botAppId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output WEB_APP_NAME string = webApp.name
output KEY_VAULT_NAME string = keyVault.name
output COSMOS_ACCOUNT_NAME string = cosmos.name
output FILES_STORAGE_ACCOUNT_NAME string = filesStorage.name
@description('The managed identity\'s object (principal) id: grant it the Graph application permissions (docs/deploy.md)')
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
