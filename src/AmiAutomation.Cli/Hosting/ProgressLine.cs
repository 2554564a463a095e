namespace AmiAutomation.Cli.Hosting;

/// <summary>
/// One status line on standard error, rewritten in place (<c>\r</c> + erase to end of line), for long work: inventory
/// pages, snapshot waits, simulated days. Only when standard error is a terminal: piped or captured output (JSON,
/// tables, logs) never sees it. <see cref="Off"/> everywhere else, including the tests' in-process runs.
/// </summary>
public sealed class ProgressLine
{
    public static readonly ProgressLine Off = new(null, 0);

    private readonly TextWriter? _error;
    private readonly int _width;
    private readonly Lock _gate = new();
    private bool _shown;

    /// <param name="error">Standard error, known to be a terminal; null = off.</param>
    /// <param name="width">Its width: longer lines are cut so the line never wraps (a wrapped line cannot be rewritten).</param>
    public ProgressLine(TextWriter? error, int width)
    {
        _error = error;
        _width = Math.Max(20, width);
    }

    public bool Enabled => _error is not null;

    /// <summary>The process's standard error when it is a terminal (and TERM is not <c>dumb</c>), else <see cref="Off"/>.</summary>
    public static ProgressLine ForStandardError()
    {
        if (Console.IsErrorRedirected || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal))
        {
            return Off;
        }

        int width;
        try
        {
            width = Console.WindowWidth;
        }
        catch (IOException)
        {
            width = 80;
        }

        return new ProgressLine(Console.Error, width > 0 ? width : 80);
    }

    public void Report(string text)
    {
        if (_error is null)
        {
            return;
        }

        var line = text.Length < _width ? text : text[..(_width - 2)] + "…";
        lock (_gate)
        {
            _error.Write($"\r{line}\u001b[K");
            _error.Flush();
            _shown = true;
        }
    }

    /// <summary>Erases the line (before results or messages are written).</summary>
    public void Clear()
    {
        if (_error is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_shown)
            {
                _error.Write("\r\u001b[K");
                _error.Flush();
                _shown = false;
            }
        }
    }
}
