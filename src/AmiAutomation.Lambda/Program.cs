using AmiAutomation.Functions.Common;
using AmiAutomation.Lambda;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;

// The Lambda bootstrap: build the registry of product functions, let _HANDLER pick one, serve invocations.
var environment = SystemEnvironmentVariables.Instance;
var registry = HandlerRegistry.Create(environment, TimeProvider.System);
var options = new LambdaBootstrapOptions
{
    Environment = environment,
    TimeProvider = TimeProvider.System,
    StartupWarnings = UnknownSettings.Warnings(environment.Names()),
};
return await LambdaBootstrap.RunAsync(registry, options, CancellationToken.None);
