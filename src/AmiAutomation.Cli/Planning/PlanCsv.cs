using System.Globalization;
using AmiAutomation.Cli.Output;

namespace AmiAutomation.Cli.Planning;

/// <summary><c>plan --output csv</c>: a header row, then one row per AMI (RFC 4180). For each planned function three
/// columns: the action (<c>keep</c> when none), the headline reason code, and every reason joined by " | ".</summary>
internal static class PlanCsv
{
    public static readonly string[] ImageColumns = ["region", "image_id", "name", "family", "created", "age_days", "state", "deprecation_time"];

    public static void Write(TextWriter output, PlanReport report, IReadOnlyList<string> functions)
    {
        output.Write(Csv.Line([.. ImageColumns, .. functions.SelectMany(f => new[] { $"{f}_action", $"{f}_reason", $"{f}_details" })]));
        foreach (var row in report.Rows)
        {
            var fields = new List<string?>
            {
                row.Region, row.ImageId, row.Name, row.Family, Time(row.CreationDate),
                row.AgeDays.ToString(CultureInfo.InvariantCulture), row.State, row.DeprecationTime is { } d ? Time(d) : null,
            };
            foreach (var function in functions)
            {
                var cell = row.Functions.FirstOrDefault(c => c.Function == function);
                fields.Add(cell?.Action);
                fields.Add(cell?.Reason);
                fields.Add(cell is null ? null : string.Join(" | ", cell.Reasons) + (cell.When is { } when ? $" | when/where: {when}" : string.Empty));
            }

            output.Write(Csv.Line(fields));
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
