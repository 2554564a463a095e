namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// Everything one <c>simulate</c> run shows, as data: the table, the decisions, the chart and the safety facts
/// are all rendered from this, and <c>--json</c> prints it as one document. No wall-clock timings: the same seed
/// and options give the same report.
/// </summary>
public sealed record SimulationReport
{
    public required int Seed { get; init; }
    public required int DaysSimulated { get; init; }
    public required IReadOnlyList<string> Regions { get; init; }
    public required string HomeRegion { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The functions' environment (the demo policy plus <c>--set</c> overrides).</summary>
    public required IReadOnlyDictionary<string, string> Policy { get; init; }

    public required FleetSummary Fleet { get; init; }
    public required IReadOnlyList<DayReport> Days { get; init; }

    /// <summary>The first acting decisions of the run (deprecations, deregistrations, copies, restores), in order.</summary>
    public required IReadOnlyList<DecisionSample> NotableDecisions { get; init; }

    /// <summary>Skipped decisions over the whole run by function and primary reason.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> SkipsByReason { get; init; }

    public RestoreReport? Restore { get; init; }
    public required SimulationTotals Totals { get; init; }
    public required SafetyReport Safety { get; init; }

    /// <summary>Function errors (Lambda shape) with the day and invocation they came from.</summary>
    public required IReadOnlyList<FunctionErrorReport> FunctionErrors { get; init; }
}

/// <summary>The generated fleet at the start.</summary>
public sealed record FleetSummary(
    int Images,
    int Families,
    int Instances,
    int LaunchTemplates,
    int ImagesManagedByOthers,
    IReadOnlyDictionary<string, int> ImagesByRegion);

/// <summary>One simulated day: the state at its end and what happened during it.</summary>
public sealed record DayReport
{
    public required int Day { get; init; }
    public required DateOnly Date { get; init; }
    public required int Available { get; init; }
    public required int Deprecated { get; init; }
    public required int Disabled { get; init; }
    public required int InRecycleBin { get; init; }
    public required int DeregisteredForGood { get; init; }
    public int Built { get; init; }
    public int CopiesStarted { get; init; }
    public int CopiesFinished { get; init; }
    public int DeprecatedToday { get; init; }
    public int ExpiredToday { get; init; }
    public int Restored { get; init; }
    public double SnapshotGiBReleased { get; init; }
    public int FunctionErrors { get; init; }
}

/// <summary>One acting decision as a function reported it.</summary>
public sealed record DecisionSample(
    int Day,
    string Function,
    string Region,
    string ImageId,
    string Name,
    string Action,
    string Reason,
    string Outcome,
    string? Detail);

public sealed record RestoreReport(
    int Day,
    string Region,
    string ImageId,
    string Name,
    int ExpiredOnDay,
    bool Succeeded,
    bool AvailableAfterwards,
    string Response);

public sealed record SimulationTotals
{
    public int Invocations { get; init; }
    public int FunctionErrors { get; init; }
    public int ImagesBuilt { get; init; }
    public int CopiesStarted { get; init; }
    public int CopiesFinished { get; init; }
    public int Deprecated { get; init; }
    public int Expired { get; init; }
    public int Restored { get; init; }
    public int SnapshotsDeleted { get; init; }
    public double SnapshotGiBReleased { get; init; }
    public double EstimatedMonthlySavingUsd { get; init; }
    public int FailedActions { get; init; }
}

/// <summary>Safety facts, each computed by checking the simulator's state, not assumed.</summary>
public sealed record SafetyReport
{
    /// <summary>Deregistered images that, right before the expire run that removed them, were referenced
    /// (non-terminated instance, any launch template version, DescribeImageReferences). Must be 0.</summary>
    public int InUseImagesDeregistered { get; init; }

    public IReadOnlyList<string> InUseImagesDeregisteredIds { get; init; } = [];

    /// <summary>Deregistered images owned by another account or managed by another service (AWS Backup, DLM, Image Builder, keep tag).</summary>
    public int ProtectedImagesDeregistered { get; init; }

    public int NewestImagesDeregistered { get; init; }

    /// <summary>Deregistrations checked against references (every one the expire runs reported).</summary>
    public int DeregistrationsChecked { get; init; }

    public int ExpireRunsChecked { get; init; }

    /// <summary>References looked at across the checks (instances + template versions + API references).</summary>
    public long ReferencesChecked { get; init; }

    /// <summary>Deregistered images each with a ledger record (needed to restore them).</summary>
    public int DeregistrationsWithLedgerRecord { get; init; }

    public bool AllChecksPassed => InUseImagesDeregistered == 0 && ProtectedImagesDeregistered == 0 && NewestImagesDeregistered == 0
        && DeregistrationsWithLedgerRecord == DeregistrationsChecked;
}

public sealed record FunctionErrorReport(int Day, string Function, string Region, string RequestId, string ErrorType, string ErrorMessage);
