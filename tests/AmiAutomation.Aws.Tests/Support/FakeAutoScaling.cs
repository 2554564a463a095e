using System.Globalization;
using AmiAutomation.Aws.AutoScaling;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>Launch configurations in a list, paged by MaxRecords, and groups by name; <see cref="Fail"/> makes every call throw it.</summary>
internal sealed class FakeAutoScaling : IAutoScalingClient
{
    public List<LaunchConfigurationInfo> LaunchConfigurations { get; } = [];

    public List<AutoScalingGroupLaunchSpec> Groups { get; } = [];

    public int Calls { get; private set; }

    public Exception? Fail { get; set; }

    /// <summary>Answers every page without a NextToken (a listing that stops short).</summary>
    public bool DropTokens { get; set; }

    /// <summary>Answers the first call with no list at all and a NextToken that reads from the start (an empty page).</summary>
    public bool EmptyFirstPage { get; set; }

    public Task<LaunchConfigurationPage> DescribeLaunchConfigurationsAsync(string? nextToken, int maxRecords, CancellationToken cancellationToken)
    {
        Calls++;
        if (Fail is not null)
        {
            return Task.FromException<LaunchConfigurationPage>(Fail);
        }

        if (EmptyFirstPage && Calls == 1)
        {
            return Task.FromResult(new LaunchConfigurationPage(null!, "0"));
        }

        var offset = nextToken is null ? 0 : int.Parse(nextToken, CultureInfo.InvariantCulture);
        var page = LaunchConfigurations.Skip(offset).Take(maxRecords).ToList();
        var next = !DropTokens && offset + maxRecords < LaunchConfigurations.Count ? (offset + maxRecords).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new LaunchConfigurationPage(page, next));
    }

    public Task<AutoScalingGroupLaunchSpec?> DescribeAutoScalingGroupAsync(string groupName, CancellationToken cancellationToken)
    {
        Calls++;
        return Fail is not null
            ? Task.FromException<AutoScalingGroupLaunchSpec?>(Fail)
            : Task.FromResult(Groups.FirstOrDefault(g => g.Name == groupName));
    }
}
