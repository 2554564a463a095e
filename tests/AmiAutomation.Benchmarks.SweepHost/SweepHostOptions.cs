using System.Globalization;

namespace AmiAutomation.Benchmarks.SweepHost;

/// <summary><c>[--images 50000] [--mode dry|live] [--rate-limits documented|unlimited] [--seed 1]</c>.</summary>
internal sealed record SweepHostOptions(int Images, bool Live, bool DocumentedRateLimits, int Seed)
{
    public const string Usage =
        "sweep-host [--images 50000] [--mode dry|live] [--rate-limits documented|unlimited] [--seed 1]\n"
        + "  publish: dotnet publish tests/AmiAutomation.Benchmarks.SweepHost -c Release -r linux-x64 -o artifacts/sweephost";

    public static (SweepHostOptions? Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        var images = 50_000;
        var live = false;
        var documented = true;
        var seed = 1;
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--images" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 200_000:
                    images = n;
                    i++;
                    break;
                case "--mode" when value is "dry" or "live":
                    live = value == "live";
                    i++;
                    break;
                case "--rate-limits" when value is "documented" or "unlimited":
                    documented = value == "documented";
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

        return problems.Count > 0 ? (null, problems) : (new SweepHostOptions(images, live, documented, seed), problems);
    }
}
