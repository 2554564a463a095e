namespace AmiAutomation.Core.Restore;

/// <summary>
/// A restore step failed in a way another call will not fix by itself (EC2 refused the image restore, a tag or
/// permission call was denied, the ledger write failed). The message names the step, the error and what was done.
/// </summary>
public sealed class RestoreStepFailedException : Exception
{
    public RestoreStepFailedException()
        : this("A restore step failed.")
    {
    }

    public RestoreStepFailedException(string message)
        : base(message)
    {
    }

    public RestoreStepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RestoreStepFailedException(RestoreResult result)
        : base(Compose(result))
    {
        Result = result;
    }

    /// <summary>Everything the call did, including the failed step(s).</summary>
    public RestoreResult? Result { get; }

    private static string Compose(RestoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var failed = result.Steps.Where(s => s.Status == Execution.OutcomeStatus.Failed)
            .Select(s => $"{s.Kind} {s.Target} failed ({s.ErrorCode}): {s.Detail}");
        var done = result.Steps.Where(s => s.Status == Execution.OutcomeStatus.Succeeded).Select(s => $"{s.Kind} {s.Target}").ToList();
        return $"Restoring {result.ImageId} in {result.Region} failed: {string.Join("; ", failed)}. "
            + (done.Count > 0 ? $"Done before: {string.Join(", ", done)}. " : "Nothing was changed. ")
            + "Fix the cause and call again: the restore resumes where it stopped.";
    }
}
