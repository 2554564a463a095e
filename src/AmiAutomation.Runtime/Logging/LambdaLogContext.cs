namespace AmiAutomation.Runtime.Logging;

/// <summary>
/// State the log records read: the cold-start flag and the invocation in progress. The host sets it around each
/// invocation; invocations are strictly sequential, so one shared slot is enough.
/// </summary>
internal sealed class LambdaLogContext
{
    private volatile InvocationLogScope? _current;
    private volatile bool _coldStart = true;

    /// <summary>True until the first invocation has finished.</summary>
    public bool ColdStart
    {
        get => _coldStart;
        set => _coldStart = value;
    }

    public InvocationLogScope? Current => _current;

    public void Begin(InvocationLogScope scope) => _current = scope;

    public void End() => _current = null;
}
