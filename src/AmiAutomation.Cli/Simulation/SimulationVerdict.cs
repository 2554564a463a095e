using System.Globalization;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// The one-line verdict of a simulation, shared by the summary and the exit code so the two never disagree: "passed"
/// only when no safety check failed, no function errored and no action failed.
/// </summary>
public static class SimulationVerdict
{
    public static bool Passed(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Safety.AllChecksPassed && report.Totals.FunctionErrors == 0 && report.Totals.FailedActions == 0;
    }

    public static string Headline(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Passed(report))
        {
            return "Summary: all safety checks passed, no failed actions";
        }

        var problems = new List<string>();
        if (!report.Safety.AllChecksPassed)
        {
            problems.Add("a safety CHECK FAILED");
        }

        if (report.Totals.FunctionErrors > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{report.Totals.FunctionErrors} function error(s)"));
        }

        if (report.Totals.FailedActions > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{report.Totals.FailedActions} FAILED action(s)"));
        }

        return "Summary: NOT PASSED: " + string.Join(", ", problems);
    }
}
