using System.Globalization;

namespace AmiAutomation.Benchmarks.Throttle;

/// <summary><c>throttle [--deregistrations 1000] [--clock virtual|real]</c>.</summary>
internal sealed record ThrottleOptions(int Deregistrations, bool RealTime)
{
    public const string Usage =
        "throttle [--deregistrations 1000] [--clock virtual|real]   (101–1000 deregistrations; real waits ≈ (n − 100) / 5 s)";

    public static (ThrottleOptions? Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        var deregistrations = 1000;
        var realTime = false;
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--deregistrations" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 100 and <= 1000:
                    deregistrations = n;
                    i++;
                    break;
                case "--clock" when value is "virtual" or "real":
                    realTime = value == "real";
                    i++;
                    break;
                default:
                    problems.Add($"unknown, incomplete or invalid option '{args[i]}'{(value is null ? string.Empty : $" (followed by '{value}')")}");
                    break;
            }
        }

        return problems.Count > 0 ? (null, problems) : (new ThrottleOptions(deregistrations, realTime), problems);
    }
}
