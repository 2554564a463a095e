using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Restore;
using Amazon.EC2.Model;
using static AmiAutomation.Lambda.Tests.Support.SimulatedStack;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>Self-healing's paths: failed-launch events reach the restore function with AUTO_ENABLE_ON_DEMAND on.</summary>
public sealed partial class LockstepScenarios
{
    private static readonly IReadOnlyDictionary<string, string> OnDemandOn = new Dictionary<string, string> { [RestoreSettings.AutoEnableOnDemandVariable] = "true" };

    /// <summary>Disabled by the disable stage, launched by an Auto Scaling group from a launch template ($Latest).</summary>
    public string DisabledForTemplateGroup { get; private set; } = string.Empty;

    /// <summary>Disabled by the disable stage, launched by an Auto Scaling group from a launch configuration.</summary>
    public string DisabledForConfigurationGroup { get; private set; } = string.Empty;

    public RestoreOutput OnDemandByTemplate { get; private set; } = null!;

    public RestoreOutput OnDemandByGroup { get; private set; } = null!;

    private async Task OnDemandAsync()
    {
        DisabledForTemplateGroup = await DisabledImageAsync("lockstep-web-2025-12-01");
        DisabledForConfigurationGroup = await DisabledImageAsync("lockstep-legacy-2025-12-01");
        var template = Stack.Ec2.AddLaunchTemplate(Home, "lockstep-web", DisabledForTemplateGroup);
        Stack.Ec2.AddAutoScalingGroup(Home, "lockstep-web-asg", launchTemplateId: template, version: "$Latest");
        Stack.Ec2.AddLaunchConfiguration(Home, "lockstep-legacy-lc", DisabledForConfigurationGroup);
        Stack.Ec2.AddAutoScalingGroup(Home, "lockstep-legacy-asg", launchConfigurationName: "lockstep-legacy-lc");

        OnDemandByTemplate = await RunAsync("restore on-demand, launch template launch by Auto Scaling", RestoreFunction.FunctionName, Home, OnDemandOn, $$$"""
            {"version": "0", "id": "lockstep-ct-1", "detail-type": "AWS API Call via CloudTrail", "source": "aws.ec2", "account": "{{{AccountId}}}",
             "time": "2026-03-04T10:20:04Z", "region": "{{{Home}}}", "resources": [],
             "detail": {"eventSource": "ec2.amazonaws.com", "eventName": "RunInstances", "awsRegion": "{{{Home}}}",
                        "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::{{{AccountId}}}:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling", "invokedBy": "autoscaling.amazonaws.com"},
                        "errorCode": "InvalidAMIID.Unavailable", "errorMessage": "The image id is not available.",
                        "requestParameters": {"instancesSet": {"items": [{"minCount": 1, "maxCount": 1}]}, "launchTemplate": {"launchTemplateId": "{{{template}}}", "version": "$Latest"}},
                        "responseElements": null, "eventID": "lockstep-ct-1"}}
            """, Stack.RestoreAsync);
        OnDemandByGroup = await RunAsync("restore on-demand, Auto Scaling launch unsuccessful", RestoreFunction.FunctionName, Home, OnDemandOn, $$$"""
            {"version": "0", "id": "lockstep-asg-1", "detail-type": "EC2 Instance Launch Unsuccessful", "source": "aws.autoscaling", "account": "{{{AccountId}}}",
             "time": "2026-03-04T10:20:05Z", "region": "{{{Home}}}", "resources": [],
             "detail": {"StatusCode": "Failed", "AutoScalingGroupName": "lockstep-legacy-asg", "StatusMessage": "The image id does not exist. Launching EC2 instance failed."}}
            """, Stack.RestoreAsync);
    }

    /// <summary>An image shared with <see cref="ShareAccount"/>, disabled as the disable stage does (record, then DisableImage;
    /// not attributed to any function).</summary>
    private async Task<string> DisabledImageAsync(string name)
    {
        var imageId = Stack.Ec2.AddImage(Home, b => b.Named(name).WithSnapshot(8).SharedWithAccount(ShareAccount).CreatedDaysAgo(90));
        await Stack.Ledger.PutDisableRecordAsync(new DisableRecord
        {
            ImageId = imageId,
            Region = Home,
            Name = name,
            Family = name[..^11],
            State = ImageState.Available,
            LaunchPermissions = Stack.Ec2.LaunchPermissionsOf(Home, imageId),
            RunId = "lockstep-disable",
            RecordedAt = Stack.Time.GetUtcNow(),
            Status = DisableRecordStatus.Disabled,
            DisabledAt = Stack.Time.GetUtcNow(),
        }, CancellationToken.None);
        await Stack.Ec2.ClientFor(Home).DisableImageAsync(new DisableImageRequest { ImageId = imageId });
        return imageId;
    }
}
