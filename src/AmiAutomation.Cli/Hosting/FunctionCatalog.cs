using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Cli.Hosting;

/// <summary>The functions the CLI can run, built exactly as the Lambda bootstrap builds them: from <see cref="FunctionServices"/>.</summary>
public static class FunctionCatalog
{
    public static readonly IReadOnlyList<string> Names =
        [DeprecateFunction.FunctionName, CopyFunction.FunctionName, ExpireFunction.FunctionName, RestoreFunction.FunctionName];

    /// <exception cref="AmiAutomation.Runtime.Configuration.ConfigurationException">The environment is invalid for the function.</exception>
    public static ILambdaFunction Create(string name, FunctionServices services) => name switch
    {
        DeprecateFunction.FunctionName => new DeprecateFunction(services),
        ExpireFunction.FunctionName => new ExpireFunction(services),
        CopyFunction.FunctionName => new CopyFunction(services),
        RestoreFunction.FunctionName => new RestoreFunction(services),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown function '{name}': expected one of {string.Join(", ", Names)}."),
    };
}
