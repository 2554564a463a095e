namespace AmiAutomation.Simulation.Fleet;

/// <summary>Decides the families: how many, their styles, sizes, cadence, home region, replication and policies.</summary>
internal static class FleetPlanner
{
    private static readonly double[] Cadences = [1, 7, 7, 7, 7, 14, 30];
    private static readonly int?[] DeprecationPolicies = [null, null, 90, 180, 180, 365];

    public static IReadOnlyList<FamilyPlan> Plan(FleetOptions options, Random random)
    {
        var regions = options.Regions.Distinct(StringComparer.Ordinal).ToList();
        var copies = regions.Count > 1 ? options.ImageCount / 4 : 0;
        var originals = options.ImageCount - copies;
        var familyCount = Math.Clamp(originals / 60, 1, Math.Min(500, originals));
        var weights = Enumerable.Range(0, familyCount).Select(_ => 0.3 + (random.NextDouble() * 1.4)).ToArray();
        var total = weights.Sum();
        var builds = weights.Select(w => Math.Max(1, (int)(originals * w / total))).ToArray();
        builds[0] += originals - builds.Sum();
        while (builds[0] < 1)
        {
            var donor = Array.IndexOf(builds, builds.Max());
            builds[donor]--;
            builds[0]++;
        }

        var historyDays = options.HistoryYears * 365;
        var families = new List<FamilyPlan>(familyCount);
        var replicationCapacity = 0;
        for (var i = 0; i < familyCount; i++)
        {
            var style = StyleFor(i, familyCount, random);
            var home = regions.Count == 1 || random.NextDouble() < 0.7 ? regions[0] : regions[random.Next(regions.Count)];
            var replicable = style is FamilyStyle.DottedDate or FamilyStyle.SemVer or FamilyStyle.BuildNumber or FamilyStyle.ImageBuilder;
            var copyTo = replicable && regions.Count > 1 && random.NextDouble() < 0.5
                ? regions.Where(r => r != home).OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(2, regions.Count - 1))).ToList()
                : [];
            replicationCapacity += builds[i] * copyTo.Count;
            families.Add(new FamilyPlan
            {
                Name = NameFor(i, style),
                Style = style,
                HomeRegion = home,
                Builds = builds[i],
                CadenceDays = Math.Min(Cadences[random.Next(Cadences.Length)], historyDays / builds[i]),
                FamilyTagged = random.NextDouble() < 0.5,
                CopyTo = copyTo,
                Encrypted = random.NextDouble() < 0.3,
                DeprecateAfterDays = style is FamilyStyle.AwsBackup ? null : DeprecationPolicies[random.Next(DeprecationPolicies.Length)],
                HasLaunchTemplate = replicable && random.NextDouble() < 0.6,
                HasSsmParameter = replicable && random.NextDouble() < 0.2,
            });
        }

        // Copies beyond what replicated families can hold become extra builds of the first family.
        var shortfall = copies - Math.Min(copies, replicationCapacity);
        if (shortfall > 0)
        {
            families[0] = families[0] with { Builds = families[0].Builds + shortfall, CadenceDays = Math.Min(families[0].CadenceDays, historyDays / (families[0].Builds + shortfall)) };
        }

        return families;
    }

    private static FamilyStyle StyleFor(int index, int familyCount, Random random)
    {
        if (familyCount >= 8)
        {
            switch (index)
            {
                case 3: return FamilyStyle.InstanceStore;
                case 4: return FamilyStyle.DataLifecycleManager;
                case 5: return FamilyStyle.AwsBackup;
                case 6: return FamilyStyle.ImageBuilder;
            }
        }

        return random.Next(3) switch
        {
            0 => FamilyStyle.DottedDate,
            1 => FamilyStyle.SemVer,
            _ => FamilyStyle.BuildNumber,
        };
    }

    private static string NameFor(int index, FamilyStyle style)
    {
        var prefix = FamilyNaming.Prefixes[index % FamilyNaming.Prefixes.Length];
        var round = index / FamilyNaming.Prefixes.Length;
        var name = round == 0 ? prefix : $"{prefix}{round + 1}";
        return style switch
        {
            FamilyStyle.InstanceStore => name + "-legacy-is",
            FamilyStyle.ImageBuilder => name + "-recipe",
            _ => name,
        };
    }
}
