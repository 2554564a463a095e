using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using Amazon.Runtime;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// <c>copy</c>: copies new AMIs of the stack's region to other regions and finishes copies that arrive here. Triggers:
/// the EventBridge <c>EC2 AMI State Change</c> event (<c>available</c>: copy or finish; <c>failed</c>: report), a request
/// by hand (<c>{"imageId", "regions", "dryRun"}</c>) and the scheduled reconciler (<c>{"action": "reconcile"}</c>).
/// </summary>
/// <remarks>IAM: ec2:DescribeImages, ec2:DescribeImageAttribute, ec2:CopyImage, ec2:CreateTags, ec2:DeleteTags (full copies), ec2:ModifyImageAttribute,
/// ec2:EnableImageDeprecation; with COPY_KMS_KEYS: kms:CreateGrant, kms:Decrypt, kms:DescribeKey, kms:Encrypt,
/// kms:GenerateDataKeyWithoutPlaintext, kms:ReEncryptFrom, kms:ReEncryptTo.</remarks>
public sealed class CopyFunction : LambdaFunction<CopyInput, CopyOutput>
{
    public const string FunctionName = CopyRun.FunctionName;

    /// <summary>The repository's sample payloads for this function (in <c>events/</c>), named when a payload cannot be read.</summary>
    public static IReadOnlyList<string> SampleEvents { get; } = ["copy-manual.json", "copy-reconcile.json", "copy-ami-available.json", "copy-ami-available-copy.json", "copy-ami-failed.json"];

    private readonly FunctionServices _services;
    private readonly CopySettings _settings;
    private readonly CopyImageFlow _images;
    private readonly CopyReconciler _reconciler;

    /// <exception cref="ConfigurationException">The environment is invalid (every bad variable named).</exception>
    public CopyFunction(FunctionServices services, Ec2RateLimiterRegistry? rateLimiters = null, Ec2ReplicatorOptions? options = null)
        : base(FunctionName, CopyJsonContext.Default.CopyInput, CopyJsonContext.Default.CopyOutput)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _settings = CopySettings.Read(services.Environment);
        var limiters = rateLimiters ?? new Ec2RateLimiterRegistry(services.Time);
        var finder = new Ec2CopyFinder(services.Ec2, limiters, options);
        var executor = new CopyExecutor(
            services.Region,
            _settings.Policy,
            _settings.Families,
            finder,
            new Ec2CopyStarter(services.Ec2, finder, limiters),
            new Ec2CopyFinisher(services.Ec2, services.Time, limiters, options));
        _images = new CopyImageFlow(executor, finder, _settings.Policy);
        _reconciler = new CopyReconciler(executor, finder, _settings.Policy);
    }

    public CopySettings Settings => _settings;

    protected override IReadOnlyList<string> SamplePayloads => SampleEvents;

    protected override async Task<CopyOutput> HandleAsync(CopyInput input, InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        // Every copy checks the source's owner against this account: never copy another account's (public) AMI.
        var account = InvocationAccount.Resolve(_settings.Policy.AccountId, context.InvokedFunctionArn)
            ?? throw new ConfigurationException(
                [$"The copy function cannot tell its own images from other accounts': set {CommonSettings.AccountIdVariable} (Lambda's function ARN supplies it when deployed)."]);
        InvocationAccount.CheckEvent(FunctionName, input.Account, account);
        var invocation = CopyInputParser.Parse(input, _services.Region, _settings.DryRun);
        var run = new CopyRun(context, invocation, _services.Region) { AccountId = account };
        try
        {
            var work = invocation.Kind switch
            {
                CopyInvocationKind.ImageAvailable or CopyInvocationKind.Manual => _images.AvailableAsync(invocation, run),
                CopyInvocationKind.ImageFailed => _images.FailedAsync(invocation, run),
                CopyInvocationKind.Reconcile => _reconciler.RunAsync(run),
                _ => NoOp(invocation, run),
            };
            await work;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            run.StopEarly();
        }
        catch (Exception ex) when (ex is AmazonServiceException or PagingTruncatedException or ImageMappingException)
        {
            var problem = ex is AmazonServiceException aws ? Ec2ErrorCodes.Describe(aws) : ex.Message;
            run.Error($"the copy run stopped: {problem}");
            run.Finish();
            throw new CopyRunFailedException($"The copy run in {_services.Region} stopped before doing its work: {problem}", ex);
        }

        return run.Finish();
    }

    private static Task NoOp(CopyInvocation invocation, CopyRun run)
    {
        run.NoOp(invocation.NoOpReason ?? "nothing to do");
        return Task.CompletedTask;
    }
}
