namespace AmiAutomation.Core.Ledger;

/// <summary>The answer of <see cref="IRunLease.TryAcquireAsync"/>: taken (then <see cref="Holder"/> is us) or not (then
/// <see cref="Holder"/> is the run holding it, null when it could not be read).</summary>
public sealed record RunLeaseResult(bool Acquired, RunLeaseHolder? Holder)
{
    public static RunLeaseResult Taken(RunLeaseHolder holder) => new(true, holder);

    public static RunLeaseResult HeldBy(RunLeaseHolder? holder) => new(false, holder);
}
