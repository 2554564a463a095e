namespace AmiAutomation.Aws.OnDemand;

/// <summary>The images a failed launch needed, and what could not be resolved (each problem names its template or group).</summary>
public sealed record LaunchImageResolution(IReadOnlyList<string> ImageIds, IReadOnlyList<string> Problems);
