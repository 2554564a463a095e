using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Lambda;

/// <summary>
/// The product functions this bootstrap hosts: SAM <c>Handler</c> value (= <c>_HANDLER</c>) → factory. Factories run
/// only for the selected handler, during init; a <see cref="ConfigurationException"/> from one is reported as
/// <c>Runtime.InvalidConfiguration</c>. Test handlers (echo, throw, …) live in tests/AmiAutomation.TestHost, never here.
/// </summary>
public static class HandlerRegistry
{
    /// <summary>Every handler name <see cref="Create"/> registers, in order. A test keeps it equal to the
    /// <c>Handler:</c> values in template.yaml.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [DeprecateFunction.FunctionName, CopyFunction.FunctionName, ExpireFunction.FunctionName, RestoreFunction.FunctionName];

    /// <summary>The registry of product functions, built from the process environment and clock.</summary>
    public static FunctionRegistry Create(IEnvironmentVariables environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        var services = new Lazy<Functions.Composition.FunctionServices>(() => LambdaServices.Create(environment, time));
        return new FunctionRegistry()
            .Add(DeprecateFunction.FunctionName, () => new DeprecateFunction(services.Value))
            .Add(CopyFunction.FunctionName, () => new CopyFunction(services.Value))
            .Add(ExpireFunction.FunctionName, () => new ExpireFunction(services.Value))
            .Add(RestoreFunction.FunctionName, () => new RestoreFunction(services.Value));
    }
}
