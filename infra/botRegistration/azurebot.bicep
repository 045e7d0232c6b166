// The Azure Bot Service registration: the bot's identity towards Teams, its messaging endpoint
// and the Teams channel. Single tenant only: a user-assigned managed identity (the default) or
// your own single-tenant Entra app. New multi-tenant bots are not allowed, and the app refuses
// activities from other tenants anyway.

@maxLength(20)
@minLength(4)
@description('Used to generate names for the resources in this file')
param resourceBaseName string

@maxLength(42)
@description('The bot\'s name in the Bot Service (Teams shows the app\'s name from the manifest)')
param botDisplayName string

param botServiceName string = resourceBaseName

@allowed([
  'F0'
  'S1'
])
@description('F0 is free; the Teams channel is a standard channel, so F0 serves any number of Teams messages')
param botServiceSku string = 'F0'

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string

@description('The bot\'s app id: the managed identity\'s client id (UserAssignedMSI) or your Entra app\'s client id (SingleTenant)')
param botAppId string

@description('The user-assigned managed identity\'s resource id (used only for UserAssignedMSI)')
param identityResourceId string

param tenantId string

@description('The web app\'s host name; the endpoint is https://<host>/api/messages')
param botAppDomain string

param tags object = {}

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppType: botAppType
    msaAppId: botAppId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: botAppType == 'UserAssignedMSI' ? identityResourceId : null
    publicNetworkAccess: 'Enabled'
  }
}

// Connect the bot to Microsoft Teams
resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

output botServiceName string = botService.name
output botEndpoint string = botService.properties.endpoint
