namespace AmiAutomation.Aws.OnDemand;

/// <summary>What enabling one image did: <see cref="Succeeded"/> (or rehearsed, in a dry run) and a line for a human.</summary>
public sealed record ImageEnableResult(bool Succeeded, string Message);
