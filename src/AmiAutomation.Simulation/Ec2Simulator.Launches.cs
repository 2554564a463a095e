using AmiAutomation.Simulation.Diagnostics;
using AmiAutomation.Simulation.State;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation;

/// <summary>Auto Scaling groups and failed launches: enough to play "disable → a launch fails → the event → healed".</summary>
public sealed partial class Ec2Simulator
{
    private readonly List<FailedLaunch> _failedLaunches = [];

    /// <summary>The group whose launch is in flight on this async flow. Auto Scaling tags what it launches with
    /// <c>aws:autoscaling:groupName</c>, a key callers may not use, so the simulator carries the name beside the call.</summary>
    private readonly AsyncLocal<string?> _launchingGroup = new();

    /// <summary>Every launch refused because of its image, oldest first.</summary>
    public IReadOnlyList<FailedLaunch> FailedLaunches
    {
        get
        {
            lock (_failedLaunches)
            {
                return [.. _failedLaunches];
            }
        }
    }

    /// <summary>An Auto Scaling group launching from a launch template version (default <c>$Default</c>) or a launch configuration.</summary>
    public void AddAutoScalingGroup(string region, string name, string? launchTemplateId = null, string? version = null, string? launchConfigurationName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if ((launchTemplateId is null) == (launchConfigurationName is null))
        {
            throw new ArgumentException("An Auto Scaling group needs exactly one of a launch template and a launch configuration.", nameof(launchTemplateId));
        }

        Locked(_ =>
        {
            var groups = RegionLocked(CheckRegion(region)).AutoScalingGroups;
            if (!groups.TryAdd(name, new SimAutoScalingGroup { Name = name, LaunchTemplateId = launchTemplateId, LaunchTemplateVersion = version, LaunchConfigurationName = launchConfigurationName }))
            {
                throw new ArgumentException($"Auto Scaling group {name} already exists in {region}.", nameof(name));
            }

            return 0;
        });
    }

    internal SimAutoScalingGroup? FindAutoScalingGroup(string region, string name) =>
        Locked(_ => RegionLocked(CheckRegion(region)).AutoScalingGroups.GetValueOrDefault(name));

    /// <summary>Launches one instance the way Auto Scaling does (RunInstances with the group's launch template, or the
    /// launch configuration's image). Returns the instance id, or null when the launch failed
    /// (recorded in <see cref="FailedLaunches"/>).</summary>
    public async Task<string?> LaunchFromAutoScalingGroupAsync(string region, string name)
    {
        var group = FindAutoScalingGroup(region, name) ?? throw new ArgumentException($"Auto Scaling group {name} does not exist in {region}.", nameof(name));
        var request = new RunInstancesRequest { MinCount = 1, MaxCount = 1 };
        if (group.LaunchTemplateId is { } templateId)
        {
            request.LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateId = templateId, Version = group.LaunchTemplateVersion };
        }
        else
        {
            request.ImageId = Locked(_ => RegionLocked(CheckRegion(region)).LaunchConfigurations.Find(group.LaunchConfigurationName!)?.ImageId);
        }

        _launchingGroup.Value = name;
        try
        {
            var response = await ClientFor(region).RunInstancesAsync(request);
            return response.Reservation.Instances[0].InstanceId;
        }
        catch (AmazonEC2Exception ex) when (ex.ErrorCode?.StartsWith("InvalidAMIID.", StringComparison.Ordinal) == true)
        {
            return null;
        }
        finally
        {
            _launchingGroup.Value = null;
        }
    }

    internal void RecordFailedLaunch(string region, RunInstancesRequest request, AmazonEC2Exception error)
    {
        var group = _launchingGroup.Value;
        var launch = new FailedLaunch(
            region, "RunInstances", string.IsNullOrEmpty(request.ImageId) ? null : request.ImageId,
            request.LaunchTemplate?.LaunchTemplateId, request.LaunchTemplate?.Version, group, error.ErrorCode, error.Message, Now);
        lock (_failedLaunches)
        {
            _failedLaunches.Add(launch);
        }
    }
}
