using System.Globalization;

namespace AmiAutomation.Benchmarks.ColdStart;

/// <summary><c>--aot &lt;native bootstrap&gt; --jit &lt;framework-dependent dll&gt; [--runs N] [--handler echo]</c>.</summary>
internal sealed record ColdStartOptions(string AotPath, string JitDllPath, int Runs, string Handler)
{
    public const string Usage =
        "coldstart --aot <path to AOT testhost-bootstrap> --jit <path to testhost-bootstrap.dll> [--runs 25] [--handler echo]\n"
        + "  AOT: dotnet publish tests/AmiAutomation.TestHost -c Release -r linux-x64 -o artifacts/testhost\n"
        + "  JIT: dotnet build tests/AmiAutomation.TestHost -c Release  (tests/AmiAutomation.TestHost/bin/Release/net10.0/testhost-bootstrap.dll)";

    /// <summary>The options, or the problems that stop them from being read.</summary>
    public static (ColdStartOptions? Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        string? aot = null, jit = null, handler = "echo";
        var runs = 25;
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--aot": aot = value; i++; break;
                case "--jit": jit = value; i++; break;
                case "--handler": handler = value; i++; break;
                case "--runs" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1000:
                    runs = n;
                    i++;
                    break;
                default:
                    problems.Add($"unknown or incomplete option '{args[i]}'");
                    break;
            }
        }

        if (aot is null || !File.Exists(aot))
        {
            problems.Add($"--aot must name an existing native bootstrap (got '{aot}')");
        }

        if (jit is null || !File.Exists(jit) || !jit.EndsWith(".dll", StringComparison.Ordinal))
        {
            problems.Add($"--jit must name an existing framework-dependent .dll (got '{jit}')");
        }

        if (string.IsNullOrWhiteSpace(handler))
        {
            problems.Add("--handler needs a value");
        }

        return problems.Count > 0 ? (null, problems) : (new ColdStartOptions(aot!, jit!, runs, handler!), problems);
    }
}
