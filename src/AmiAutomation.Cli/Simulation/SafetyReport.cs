namespace AmiAutomation.Cli.Simulation;

/// <summary>Safety facts, each computed by checking the simulator's state, not assumed.</summary>
public sealed record SafetyReport
{
    /// <summary>Deregistered images that, right before the expire run that removed them, were referenced
    /// (non-terminated instance, any launch template version, DescribeImageReferences). Must be 0.</summary>
    public int InUseImagesDeregistered { get; init; }

    public IReadOnlyList<string> InUseImagesDeregisteredIds { get; init; } = [];

    /// <summary>Deregistered images that were protected: keep tag, deregistration protection, public, or managed by another service (AWS Backup, DLM, Image Builder).</summary>
    public int ProtectedImagesDeregistered { get; init; }

    /// <summary>Deregistrations checked: every image that disappeared during an expire run.</summary>
    public int DeregistrationsChecked { get; init; }

    public int ExpireRunsChecked { get; init; }

    /// <summary>References looked at across the checks (instances + template versions + API references).</summary>
    public long ReferencesChecked { get; init; }

    /// <summary>Deregistered images each with a ledger record (needed to restore them).</summary>
    public int DeregistrationsWithLedgerRecord { get; init; }

    public bool AllChecksPassed => InUseImagesDeregistered == 0 && ProtectedImagesDeregistered == 0
        && DeregistrationsWithLedgerRecord == DeregistrationsChecked;
}
