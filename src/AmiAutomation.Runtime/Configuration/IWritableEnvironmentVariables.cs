namespace AmiAutomation.Runtime.Configuration;

/// <summary>
/// Environment variables the host may change: it sets <c>_X_AMZN_TRACE_ID</c> for each invocation (AWSSDK.Core reads it
/// from the process environment) and removes it afterwards. Tests pass an in-memory implementation to observe that.
/// </summary>
public interface IWritableEnvironmentVariables : IEnvironmentVariables
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>; null removes the variable.</summary>
    void Set(string name, string? value);
}
