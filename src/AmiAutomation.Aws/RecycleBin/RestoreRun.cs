using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Restore;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>The steps and notes of one restore call as they happen; logs one line per step and note.</summary>
internal sealed class RestoreRun(ILogger logger, bool dryRun)
{
    private readonly List<RestoreStep> _steps = [];
    private readonly List<string> _notes = [];

    public string ImageId { get; set; } = string.Empty;
    public RestoreCandidate? Candidate { get; set; }
    public SnapshotSource? SnapshotSource { get; set; }
    public bool DryRun => dryRun;
    public int SnapshotsRestored { get; private set; }
    public bool ImageRestored { get; set; }

    /// <summary>A step did not start (deadline, throttling): the call ends partial.</summary>
    public bool Stopped { get; private set; }

    public bool HasFailure => _steps.Exists(s => s.Status == OutcomeStatus.Failed);

    public bool Has(RestoreStepKind kind, OutcomeStatus status) => _steps.Exists(s => s.Kind == kind && s.Status == status);

    public void Note(string note)
    {
        _notes.Add(note);
        RestoreLog.Note(logger, ImageId, note);
    }

    public void Notes(IEnumerable<string> notes)
    {
        foreach (var note in notes)
        {
            Note(note);
        }
    }

    public void Record(RestoreStepKind kind, string target, Ec2CallOutcome outcome, string? detail = null)
    {
        if (outcome.IsFailure && outcome.Transient)
        {
            NotStarted(kind, target, outcome.Detail ?? "throttled");
            Note($"EC2 throttled {kind} of {target} ({outcome.ErrorCode}): call again to resume.");
            return;
        }

        Add(new RestoreStep(kind, target, outcome.Status, outcome.IsFailure ? outcome.Detail : detail ?? outcome.Detail, outcome.ErrorCode));
        if (kind == RestoreStepKind.RestoreSnapshot && outcome.Status == OutcomeStatus.Succeeded)
        {
            SnapshotsRestored++;
        }
    }

    public void Add(RestoreStep step)
    {
        _steps.Add(step);
        var outcome = step.Status.ToString();
        if (step.Status == OutcomeStatus.Failed)
        {
            RestoreLog.StepFailed(logger, ImageId, step.Kind.ToString(), step.Target, outcome, step.ErrorCode, step.Detail);
        }
        else
        {
            RestoreLog.Step(logger, ImageId, step.Kind.ToString(), step.Target, outcome, step.Detail);
        }
    }

    public void NotStarted(RestoreStepKind kind, string target, string reason)
    {
        Stopped = true;
        Add(new RestoreStep(kind, target, OutcomeStatus.NotStarted, reason));
    }

    public RestoreResult Finish(string region, RestoreStatus? status = null) => new()
    {
        ImageId = ImageId,
        Region = region,
        Name = Candidate?.Name,
        Family = Candidate?.Ledger?.Family,
        Status = status ?? (HasFailure ? RestoreStatus.Failed
            : Stopped ? RestoreStatus.Partial
            : dryRun ? RestoreStatus.DryRun
            : RestoreStatus.Restored),
        DryRun = dryRun,
        SnapshotSource = SnapshotSource,
        Steps = [.. _steps],
        Notes = [.. _notes],
        SnapshotsRestored = SnapshotsRestored,
        ImageRestored = ImageRestored,
    };
}
