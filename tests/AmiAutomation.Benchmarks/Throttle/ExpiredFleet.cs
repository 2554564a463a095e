using System.Globalization;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;

namespace AmiAutomation.Benchmarks.Throttle;

/// <summary>
/// Seeds exactly <c>n</c> images the expire policy deregisters: families of 13 weekly builds, the 10 oldest deprecated
/// 60 days ago (eligible after 30), the 3 newest not deprecated (kept as newest, so no family loses its last image);
/// every other image last launched the day after its build (≥ 106 days ago; the rest never, so their re-check asks EC2
/// for lastLaunchedTime).
/// </summary>
internal static class ExpiredFleet
{
    public const int EligiblePerFamily = 10;
    public const int KeptPerFamily = 3;

    /// <summary>Seeds the images; returns how many are eligible (<paramref name="eligible"/> rounded up to whole families).</summary>
    public static int Seed(Ec2Simulator simulator, string region, int eligible, DateTimeOffset now)
    {
        var families = (eligible + EligiblePerFamily - 1) / EligiblePerFamily;
        for (var f = 0; f < families; f++)
        {
            var family = string.Create(CultureInfo.InvariantCulture, $"app-{f:D4}");
            for (var build = 0; build < EligiblePerFamily + KeptPerFamily; build++)
            {
                var created = now.AddDays(-7 * (EligiblePerFamily + KeptPerFamily - build) - 100);
                var eligibleBuild = build < EligiblePerFamily;
                var launched = build % 2 == 0;
                simulator.AddImage(region, image =>
                {
                    image.Named(string.Create(CultureInfo.InvariantCulture, $"{family}-{created:yyyyMMdd}"))
                        .CreatedAt(created)
                        .Tagged(TagNames.Family, family);
                    if (eligibleBuild)
                    {
                        image.DeprecatedAt(now.AddDays(-60));
                    }

                    if (launched)
                    {
                        image.LastLaunchedAt(created.AddDays(1));
                    }
                });
            }
        }

        return families * EligiblePerFamily;
    }
}
