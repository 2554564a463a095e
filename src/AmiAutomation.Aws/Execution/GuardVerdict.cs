namespace AmiAutomation.Aws.Execution;

/// <summary>What a <see cref="IDeregistrationGuard"/> hook decided.</summary>
public sealed record GuardVerdict
{
    private GuardVerdict(GuardVerdictKind kind, string? reason)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>Go ahead (before) / carry on with the run (after).</summary>
    public static GuardVerdict Proceed { get; } = new(GuardVerdictKind.Proceed, null);

    public GuardVerdictKind Kind { get; }

    public string? Reason { get; }

    /// <summary>Before only: leave this image alone (outcome SkippedOnRecheck with the reason); the run goes on.</summary>
    public static GuardVerdict Skip(string reason) => new(GuardVerdictKind.Skip, Require(reason));

    /// <summary>Stop the run: this image (before) and every decision not yet started become NotStarted with the reason.</summary>
    public static GuardVerdict Stop(string reason) => new(GuardVerdictKind.Stop, Require(reason));

    private static string Require(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return reason;
    }
}

public enum GuardVerdictKind
{
    Proceed,
    Skip,
    Stop,
}
