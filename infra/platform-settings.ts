/**
 * App settings that infra/azure.bicep gives the web app although src/config.ts does not read
 * them, each with the reason it is there. test/ship/infra-consistency.test.ts fails on any
 * other app setting the app does not read, so a new one must be argued for here.
 */
export const PLATFORM_SETTINGS: Readonly<Record<string, string>> = {
  // Read by @azure/identity, not by our code: DefaultAzureCredential picks the user-assigned
  // identity by it. The app uses DefaultAzureCredential for Cosmos DB when the bot is
  // SingleTenant (for a UserAssignedMSI bot it passes MicrosoftAppId as the identity itself).
  AZURE_CLIENT_ID: 'the managed identity @azure/identity signs in with when the bot is SingleTenant',
  // Read by the App Service Application Insights agent (and any Application Insights SDK).
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'where the App Service Application Insights agent sends telemetry',
  // Turns on the agent's auto-instrumentation of Node.js on Linux (requests, dependencies).
  ApplicationInsightsAgent_EXTENSION_VERSION: 'enables the Application Insights agent for Node.js on Linux (~3)',
  // Read by the deployment service (Kudu/Oryx): the zip we deploy is already built and holds
  // its production node_modules, so the platform must not run npm install or a build.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'the deployed zip is already built; no build on the server',
};

/**
 * Settings the app reads that the Bicep must NOT set, because the platform provides them.
 * App Service's Node image sets PORT to the port its front end forwards to; an app setting
 * with another value would point the app away from it.
 */
export const PLATFORM_PROVIDED: Readonly<Record<string, string>> = {
  PORT: 'App Service sets PORT for the built-in Node.js image (8080); setting it ourselves could break routing',
  WEBSITE_HOSTNAME: 'App Service sets WEBSITE_HOSTNAME to the web app\'s own host name; a value of ours could point report file links elsewhere',
};
