using System.Reflection;
using System.Runtime.ExceptionServices;
using AmiAutomation.Lambda.Tests.Iam.Recording;
using Amazon.EC2;
using Amazon.Runtime;

namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>
/// Forwards every <see cref="IAmazonEC2"/> call to the simulated client unchanged and, before it (an attempt already
/// needs the permission, dry runs included), records what IAM authorizes for it (<see cref="Ec2Authorizations"/>:
/// resources with their tags as they are right then, implied and companion permissions).
/// </summary>
public class AuthorizationRecordingProxy : DispatchProxy
{
    private IAmazonEC2 _target = null!;
    private PermissionLog _log = null!;
    private AuthorizationScope _scope = null!;

    internal static IAmazonEC2 Wrap(IAmazonEC2 target, PermissionLog log, AuthorizationScope scope)
    {
        var client = Create<IAmazonEC2, AuthorizationRecordingProxy>();
        var proxy = (AuthorizationRecordingProxy)(object)client;
        proxy._target = target;
        proxy._log = log;
        proxy._scope = scope;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (args is [AmazonWebServiceRequest request, ..])
        {
            _log.AddProxiedCall(Ec2Authorizations.ActionOf(request));
            _log.Add(Ec2Authorizations.For(request, _scope));
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
