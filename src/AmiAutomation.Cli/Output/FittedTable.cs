using Spectre.Console;
using Spectre.Console.Rendering;

namespace AmiAutomation.Cli.Output;

/// <summary>
/// A table of plain-text cells that is written as a table only when every cell fits on one line at the console's
/// width, else as a list (the first cell alone on a line, then "Header: value" lines that wrap between words). So an
/// AMI or snapshot id is never cut, wrapped or split across lines, whatever the width.
/// </summary>
internal sealed class FittedTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    public FittedTable(params string[] headers)
    {
        _headers = headers;
        _rightAligned = new bool[headers.Length];
    }

    public string? Title { get; init; }

    public int RowCount => _rows.Count;

    /// <summary>Right-aligns the column <paramref name="header"/> (numbers) in the table form.</summary>
    public FittedTable RightAlign(string header)
    {
        _rightAligned[Array.IndexOf(_headers, header)] = true;
        return this;
    }

    public FittedTable AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"expected {_headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>Writes the table, or the list when the table is wider than the console.</summary>
    public void Write(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (_rows.Count == 0)
        {
            return;
        }

        var table = BuildTable();
        if (NaturalWidth(console, table) <= console.Profile.Width)
        {
            console.Write(table);
            return;
        }

        WriteList(console);
    }

    /// <summary>The width the table needs with every cell on one line.</summary>
    public static int NaturalWidth(IAnsiConsole console, IRenderable renderable)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(renderable);
        var options = new RenderOptions(console.Profile.Capabilities, new Size(CliConsole.UnboundedWidth, console.Profile.Height));
        return renderable.Measure(options, CliConsole.UnboundedWidth).Max;
    }

    private Table BuildTable()
    {
        var table = new Table().Border(TableBorder.Simple);
        if (Title is not null)
        {
            table.Title(Markup.Escape(Title));
        }

        for (var i = 0; i < _headers.Length; i++)
        {
            var column = new TableColumn(Markup.Escape(_headers[i])).NoWrap();
            table.AddColumn(_rightAligned[i] ? column.RightAligned() : column);
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(c => new Text(c)).ToArray<IRenderable>());
        }

        return table;
    }

    private void WriteList(IAnsiConsole console)
    {
        if (Title is not null)
        {
            console.Write(new Text(Title + Environment.NewLine));
        }

        var labelWidth = _headers.Skip(1).Max(h => h.Length) + 1;
        foreach (var row in _rows)
        {
            console.Write(new Text(row[0] + Environment.NewLine));
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).Width(labelWidth + 2)).AddColumn(new GridColumn());
            for (var i = 1; i < row.Length; i++)
            {
                if (row[i].Length > 0)
                {
                    grid.AddRow(new Text(_headers[i] + ":"), new Text(row[i]));
                }
            }

            console.Write(grid);
        }
    }
}
