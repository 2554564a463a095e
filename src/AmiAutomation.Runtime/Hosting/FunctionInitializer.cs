using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using Names = AmiAutomation.Runtime.Hosting.RuntimeEnvironmentVariableNames;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>Init: pick the function named by the handler setting and create it. Every failure becomes an
/// <see cref="InitializationError"/> instead of an exception.</summary>
internal static class FunctionInitializer
{
    public static (ILambdaFunction? Function, InitializationError? Error) Create(FunctionRegistry registry, RuntimeSettings settings)
    {
        if (settings.Errors.Count > 0)
        {
            return (null, new InitializationError(
                InitializationError.InvalidConfiguration, "Invalid configuration: " + string.Join("; ", settings.Errors)));
        }

        var known = registry.Names.Count == 0 ? "(none: this bootstrap registers no functions)" : string.Join(", ", registry.Names);
        if (settings.HandlerName is null)
        {
            return (null, new InitializationError(
                InitializationError.NoSuchHandler,
                $"No handler named: set {Names.Handler} (or {Names.HandlerOverride}) to one of: {known}."));
        }

        if (!registry.TryGetFactory(settings.HandlerName, out var factory))
        {
            return (null, new InitializationError(
                InitializationError.NoSuchHandler,
                $"Handler '{settings.HandlerName}' is not in this bootstrap. Known handlers: {known}."));
        }

        try
        {
            return (factory(), null);
        }
        catch (ConfigurationException ex)
        {
            return (null, new InitializationError(
                InitializationError.InvalidConfiguration, $"Handler '{settings.HandlerName}': {ex.Message}", ex));
        }
        catch (Exception ex)
        {
            return (null, new InitializationError(
                InitializationError.HandlerInitFailed,
                $"Handler '{settings.HandlerName}' could not be created: {ex.GetType().Name}: {ex.Message}",
                ex));
        }
    }
}
