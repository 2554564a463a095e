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
    private readonly Lazy<int> _width;
    private readonly Lock _gate = new();
    private bool _shown;

    /// <param name="error">Standard error, known to be a terminal; null = off.</param>
    /// <param name="width">Its width: longer lines are cut so the line never wraps (a wrapped line cannot be rewritten).</param>
    public ProgressLine(TextWriter? error, int width)
        : this(error, () => width)
    {
    }

    // The width is asked for on the first report only: querying the terminal makes .NET switch it into keypad mode,
    // which commands that report nothing should not do.
    private ProgressLine(TextWriter? error, Func<int> width)
    {
        _error = error;
        _width = new Lazy<int>(() => Math.Max(20, width()));
    }

    public bool Enabled => _error is not null;

    /// <summary>The process's standard error when it is a terminal (and TERM is not <c>dumb</c>), else <see cref="Off"/>.</summary>
    public static ProgressLine ForStandardError()
    {
        if (Console.IsErrorRedirected || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal))
        {
            return Off;
        }

        return new ProgressLine(Console.Error, () =>
        {
            try
            {
                return Console.WindowWidth is > 0 and var width ? width : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        });
    }

    public void Report(string text)
    {
        if (_error is null)
        {
            return;
        }

        var width = _width.Value;
        var line = text.Length < width ? text : text[..(width - 2)] + "…";
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
