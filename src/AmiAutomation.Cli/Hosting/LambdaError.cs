using System.Text.Json.Serialization;

namespace AmiAutomation.Cli.Hosting;

/// <summary>A function error in the shape Lambda reports it: the exception's short type name and its message.</summary>
public sealed record LambdaError(
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage)
{
    public static LambdaError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new LambdaError(exception.GetType().Name, exception.Message);
    }
}
