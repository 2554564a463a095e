namespace AmiAutomation.Simulation.Diagnostics;

/// <summary>A test hook waiting for the <see cref="Remaining"/>-th successful call of <see cref="Action"/>.</summary>
internal sealed class CallHook(string action, int nth, Action run)
{
    public string Action { get; } = action;

    public int Remaining { get; set; } = nth;

    public Action Run { get; } = run;
}
