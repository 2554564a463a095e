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
    /// <summary>Every handler name <see cref="Create"/> registers, in order. Keep it equal to the <c>Handler:</c> values in
    /// template.yaml. Add each product function here and in <see cref="Create"/> together.</summary>
    public static IReadOnlyList<string> Names { get; } = [];

    /// <summary>The registry of product functions, built from the process environment and clock.</summary>
    public static FunctionRegistry Create(IEnvironmentVariables environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        var registry = new FunctionRegistry();

        // Register each product function as: registry.Add("<handler>", () => new <Function>(services));
        // the product functions (deprecate, copy, expire, restore) are wired in here by the lead.
        return registry;
    }
}
