using AmiAutomation.Lambda;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;

// The Lambda bootstrap: build the registry of product functions, let _HANDLER pick one, serve invocations.
var environment = SystemEnvironmentVariables.Instance;
var registry = HandlerRegistry.Create(environment, TimeProvider.System);
return await LambdaBootstrap.RunAsync(registry, environment, TimeProvider.System, CancellationToken.None);
