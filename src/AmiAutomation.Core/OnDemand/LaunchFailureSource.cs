namespace AmiAutomation.Core.OnDemand;

/// <summary>Which EventBridge event told us a launch failed.</summary>
public enum LaunchFailureSource
{
    /// <summary><c>AWS API Call via CloudTrail</c>: a RunInstances or CreateFleet call that failed (direct or by Auto Scaling).</summary>
    CloudTrail,

    /// <summary>Auto Scaling's <c>EC2 Instance Launch Unsuccessful</c>.</summary>
    AutoScaling,
}
