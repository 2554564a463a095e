using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>
/// Forwards every <see cref="IAmazonEC2"/> call to the simulated client unchanged and records the permissions EC2
/// checks on our behalf for a request's parameters, which the simulator's CallLog (action names only) cannot show:
/// DeregisterImage with <c>DeleteAssociatedSnapshots = true</c> deletes the snapshots as the caller, so it needs
/// <c>ec2:DeleteSnapshot</c> (without it EC2 reports <c>missing-permissions</c> per snapshot and keeps them).
/// Also notes the tag keys of each CreateTags request (a policy may limit them with <c>aws:TagKeys</c>).
/// </summary>
public class ImpliedPermissionProxy : DispatchProxy
{
    private IAmazonEC2 _target = null!;
    private PermissionLog _log = null!;

    internal static IAmazonEC2 Wrap(IAmazonEC2 target, PermissionLog log)
    {
        var client = Create<IAmazonEC2, ImpliedPermissionProxy>();
        var proxy = (ImpliedPermissionProxy)(object)client;
        proxy._target = target;
        proxy._log = log;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        switch (args)
        {
            case [DeregisterImageRequest { DeleteAssociatedSnapshots: true }, ..]:
                _log.Add("ec2:DeleteSnapshot");
                break;
            case [CreateTagsRequest { Tags: { } tags }, ..]:
                _log.AddTagKeys(tags.Select(t => t.Key));
                break;
            default:
                break;
        }

        try
        {
            return targetMethod.Invoke(_target, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
