using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.TestHost.Functions;

// testhost-bootstrap: the production host with test handlers, for end-to-end tests and cold-start measurements.
var registry = new FunctionRegistry()
    .Add(EchoFunction.HandlerName, () => new EchoFunction())
    .Add(ThrowFunction.HandlerName, () => new ThrowFunction())
    .Add(SleepFunction.HandlerName, () => new SleepFunction())
    .Add(BigFunction.HandlerName, () => new BigFunction())
    .Add(MetricsFunction.HandlerName, () => new MetricsFunction());
return await LambdaBootstrap.RunAsync(registry, SystemEnvironmentVariables.Instance, TimeProvider.System, CancellationToken.None);
