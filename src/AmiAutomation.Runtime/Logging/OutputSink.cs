namespace AmiAutomation.Runtime.Logging;

/// <summary>Whole lines to one writer, never interleaved (logs and EMF documents share stdout), flushed each time so
/// nothing waits in a buffer when Lambda freezes the sandbox.</summary>
internal sealed class OutputSink(TextWriter writer)
{
    private readonly Lock _gate = new();

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            writer.Write(line);
            writer.Write('\n');
            writer.Flush();
        }
    }
}
