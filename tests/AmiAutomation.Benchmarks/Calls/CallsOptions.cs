using System.Globalization;

namespace AmiAutomation.Benchmarks.Calls;

/// <summary><c>calls [--images 1000,10000,50000] [--seed 1]</c>.</summary>
internal sealed record CallsOptions(IReadOnlyList<int> ImageCounts, int Seed)
{
    public const string Usage = "calls [--images 1000,10000,50000] [--seed 1]   (each count 1–100000)";

    public static (CallsOptions? Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        IReadOnlyList<int> counts = [1_000, 10_000, 50_000];
        var seed = 1;
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--images" when value is not null && TryParseCounts(value, out var parsed):
                    counts = parsed;
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                default:
                    problems.Add($"unknown, incomplete or invalid option '{args[i]}'{(value is null ? string.Empty : $" (followed by '{value}')")}");
                    break;
            }
        }

        return problems.Count > 0 ? (null, problems) : (new CallsOptions(counts, seed), problems);
    }

    private static bool TryParseCounts(string value, out IReadOnlyList<int> counts)
    {
        var parsed = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 100_000)
            {
                counts = [];
                return false;
            }

            parsed.Add(n);
        }

        counts = parsed;
        return parsed.Count > 0;
    }
}
