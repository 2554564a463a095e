namespace AmiAutomation.Aws.OnDemand;

/// <summary>
/// The enable operation self-healing calls for a disabled image of ours: EnableImage, re-apply the launch permissions
/// recorded when it was disabled, hold it with <c>ami-lifecycle:keep-until</c>. A port, so that healing does not depend
/// on how enabling is built (the disable stage owns it).
/// </summary>
public interface IDisabledImageEnabler
{
    /// <summary>Enables <paramref name="imageId"/> (or, with <paramref name="dryRun"/>, says what enabling would do).
    /// Failures are returned, not thrown, except cancellation.</summary>
    Task<ImageEnableResult> EnableAsync(string imageId, bool dryRun, CancellationToken cancellationToken);
}
