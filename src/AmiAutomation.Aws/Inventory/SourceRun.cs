using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Aws.Inventory;

/// <summary>One source's progress while the inventory runs; becomes a <see cref="SourceReport"/>.</summary>
internal sealed class SourceRun(InventorySource source)
{
    public InventorySource Source { get; } = source;

    public int Calls { get; set; }

    /// <summary>The EC2 action being sent, for error messages.</summary>
    public string Operation { get; set; } = "(none)";

    public int Items { get; set; }

    public SourceStatus Status { get; private set; } = SourceStatus.Complete;

    public string? Error { get; private set; }

    public SourceRun Disable()
    {
        Status = SourceStatus.Disabled;
        return this;
    }

    public void Fail(string error) => Mark(SourceStatus.Failed, error);

    /// <summary>Truncated unless already Failed (Failed is the stronger verdict).</summary>
    public void Truncate(string error) => Mark(Status == SourceStatus.Failed ? SourceStatus.Failed : SourceStatus.Truncated, error);

    public SourceReport ToReport() => new(Source, Status, Items, Calls, Error);

    private void Mark(SourceStatus status, string error)
    {
        Status = status;
        Error = Error is null ? error : Error + " | " + error;
    }
}
