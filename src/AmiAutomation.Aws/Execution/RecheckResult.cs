using AmiAutomation.Core.Images;

namespace AmiAutomation.Aws.Execution;

/// <summary>The re-check's verdict on one image: pass (with the image as it is now), skip (something protects it now), or
/// fail (the re-check itself could not complete: fail closed).</summary>
internal sealed record RecheckResult
{
    private RecheckResult(AmiImage? current, string? skipReason, string? errorCode, string? error)
    {
        Current = current;
        SkipReason = skipReason;
        ErrorCode = errorCode;
        Error = error;
    }

    public AmiImage? Current { get; }

    public string? SkipReason { get; }

    public string? ErrorCode { get; }

    public string? Error { get; }

    public static RecheckResult Pass(AmiImage current) => new(current, null, null, null);

    public static RecheckResult Skip(string reason) => new(null, reason, null, null);

    public static RecheckResult Fail(string errorCode, string error) => new(null, null, errorCode, error);
}
