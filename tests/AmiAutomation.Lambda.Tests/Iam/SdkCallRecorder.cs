using System.Reflection;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>
/// A stand-in for an AWS SDK client interface that records each method called and answers every
/// <c>Task&lt;TResponse&gt;</c> method with an empty <c>TResponse</c>: enough to see which API calls a class makes.
/// </summary>
public class SdkCallRecorder : DispatchProxy
{
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls => _calls;

    public static (TClient Client, SdkCallRecorder Recorder) Create<TClient>()
        where TClient : class
    {
        var client = Create<TClient, SdkCallRecorder>();
        return (client, (SdkCallRecorder)(object)client);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.Add(targetMethod.Name);
        var returns = targetMethod.ReturnType;
        if (!returns.IsGenericType || returns.GetGenericTypeDefinition() != typeof(Task<>))
        {
            throw new NotSupportedException($"{targetMethod.Name}: only Task<TResponse> methods are answered.");
        }

        var response = returns.GetGenericArguments()[0];
        return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(response).Invoke(null, [Activator.CreateInstance(response)]);
    }
}
