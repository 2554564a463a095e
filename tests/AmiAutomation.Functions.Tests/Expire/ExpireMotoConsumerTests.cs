using AmiAutomation.TestKit.Logging;
using System.Text;
using System.Text.Json;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// Issue 11's "done when" on moto_server: a live expire with every image's expiry tag in the past keeps the images named
/// by an Auto Scaling launch configuration (with a group on it, no instances), a persistent Spot request whose instance
/// is gone, and a Spot Fleet request (its own Spot requests cancelled and instances terminated), and still expires the
/// unused ones. Auto Scaling goes through the production signed client (<see cref="SignedRegionalApiClients"/> on the
/// fixture's Auto Scaling endpoint override); the group and configuration are created with plain Query calls.
/// </summary>
/// <remarks>moto lacks DescribeImageReferences, lastLaunchedTime and the Recycle Bin API: those are switched off as in
/// <see cref="ExpireMotoTests"/>.</remarks>
[Collection(ExpireMotoCollection.Name)]
public sealed class ExpireMotoConsumerTests(MotoServerFixture moto)
{
    private const string Region = "us-east-1";
    private const string Table = "ami-ledger-consumers-test";

    [Fact]
    public async Task Expire_LiveAgainstMoto_KeepsImagesOfLaunchConfigurationSpotRequestAndSpotFleetExpiresTheRest()
    {
        await moto.ResetAsync();
        using var ec2 = moto.CreateEc2Client(Region);
        using var dynamo = moto.CreateDynamoDbClient(Region);
        await dynamo.CreateTableAsync(DynamoDbLedgerSchema.CreateTableRequest(Table));
        var builder = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", MinCount = 1, MaxCount = 1 })).Reservation.Instances[0].InstanceId;
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "launch-configuration", "spot-request", "spot-fleet", "unused-1", "unused-2" })
        {
            images[name] = await CreateExpiredImageAsync(ec2, builder, "svc-" + name);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.2)); // a strictly newer creation date: the newest image is the one kept by EXPIRE_KEEP_NEWEST=1
        var newest = await CreateExpiredImageAsync(ec2, builder, "svc-newest");
        await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [builder] });

        using var http = new HttpClient();
        await AutoScalingAsync(http, "CreateLaunchConfiguration", ("LaunchConfigurationName", "web-lc"), ("ImageId", images["launch-configuration"]), ("InstanceType", "t3.micro"));
        await AutoScalingAsync(http, "CreateAutoScalingGroup", ("AutoScalingGroupName", "web"), ("LaunchConfigurationName", "web-lc"),
            ("MinSize", "0"), ("MaxSize", "2"), ("DesiredCapacity", "0"), ("AvailabilityZones.member.1", Region + "a"));

        var spot = (await ec2.RequestSpotInstancesAsync(new RequestSpotInstancesRequest
        {
            InstanceCount = 1,
            Type = SpotInstanceType.Persistent,
            LaunchSpecification = new LaunchSpecification { ImageId = images["spot-request"], InstanceType = InstanceType.T3Micro },
        })).SpotInstanceRequests[0];
        await TerminateInstancesOfAsync(ec2, images["spot-request"]); // interrupted: the request stays, no instance names the image

        var subnet = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets[0].SubnetId;
        var fleet = (await ec2.RequestSpotFleetAsync(new RequestSpotFleetRequest
        {
            SpotFleetRequestConfig = new SpotFleetRequestConfigData
            {
                IamFleetRole = $"arn:aws:iam::{MotoServerFixture.AccountId}:role/spot-fleet",
                TargetCapacity = 1,
                SpotPrice = "0.12",
                AllocationStrategy = AllocationStrategy.LowestPrice,
                LaunchSpecifications = [new SpotFleetLaunchSpecification { ImageId = images["spot-fleet"], InstanceType = InstanceType.T3Micro, SubnetId = subnet }],
            },
        })).SpotFleetRequestId;
        await CancelSpotRequestsOfAsync(ec2, images["spot-fleet"]); // only the fleet request itself names the image now
        await TerminateInstancesOfAsync(ec2, images["spot-fleet"]);

        using var clients = moto.CreateEc2ClientFactory();
        using var apis = new SignedRegionalApiClients(moto.ClientOptions());
        var summary = await InvokeExpireAsync(clients, apis, new DynamoDbDeregistrationLedger(dynamo, Table));

        Assert.Empty(summary.FailedSources);
        var remaining = ((await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images ?? []).Select(i => i.ImageId).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(images["launch-configuration"], remaining);
        Assert.Contains(images["spot-request"], remaining);
        Assert.Contains(images["spot-fleet"], remaining);
        Assert.Contains(newest, remaining);
        Assert.DoesNotContain(images["unused-1"], remaining);
        Assert.DoesNotContain(images["unused-2"], remaining);
        Assert.Equal(2, summary.Deregistration!.Deregistered);
        Assert.Contains("web-lc", Reasons(summary, images["launch-configuration"]), StringComparison.Ordinal);
        Assert.Contains(spot.SpotInstanceRequestId, Reasons(summary, images["spot-request"]), StringComparison.Ordinal);
        Assert.Contains(fleet, Reasons(summary, images["spot-fleet"]), StringComparison.Ordinal);
    }

    private static string Reasons(RunSummary summary, string imageId) =>
        string.Join(" | ", summary.Decisions.Single(d => d.ImageId == imageId).Reasons);

    private async Task<RunSummary> InvokeExpireAsync(Ec2ClientFactory clients, SignedRegionalApiClients apis, DynamoDbDeregistrationLedger ledger)
    {
        var services = new FunctionServices
        {
            Region = Region,
            Ec2 = clients,
            Apis = apis,
            Ledger = ledger,
            RunLease = new AmiAutomation.Simulation.Ledger.InMemoryRunLease(),
            Time = TimeProvider.System,
            Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>
            {
                [CommonSettings.DryRunVariable] = "false",
                [CommonSettings.LedgerTableNameVariable] = Table,
                [CommonSettings.DisabledReferenceSourcesVariable] = "ImageReferences,LastLaunchedTime",
                [ExpireSettings.RequireRecycleBinVariable] = "false",
                [ExpireSettings.KeepNewestVariable] = "1",
            }),
        };
        var context = new InvocationContext
        {
            RequestId = "moto-consumers",
            FunctionName = "expire",
            Deadline = TimeProvider.System.GetUtcNow().AddMinutes(5),
            TimeProvider = TimeProvider.System,
            Logger = new RecordingLogger(),
            Metrics = new MetricsRecorder(),
        };
        var output = await new ExpireFunction(services).InvokeAsync(Encoding.UTF8.GetBytes("""{"source":"schedule"}"""), context);
        return JsonSerializer.Deserialize(output, FunctionsJsonContext.Default.RunSummary)!;
    }

    private static async Task<string> CreateExpiredImageAsync(AmazonEC2Client ec2, string instanceId, string name)
    {
        var imageId = (await ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = name })).ImageId;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [imageId], Tags = [new Tag(TagNames.Family, "svc"), new Tag(TagNames.ExpiresAt, "2020-01-01")] });
        return imageId;
    }

    private static async Task TerminateInstancesOfAsync(AmazonEC2Client ec2, string imageId)
    {
        var instances = ((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("image-id", [imageId])] })).Reservations ?? [])
            .SelectMany(r => r.Instances ?? []).Select(i => i.InstanceId).ToList();
        if (instances.Count > 0)
        {
            await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = instances });
        }
    }

    private static async Task CancelSpotRequestsOfAsync(AmazonEC2Client ec2, string imageId)
    {
        var requests = ((await ec2.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest())).SpotInstanceRequests ?? [])
            .Where(r => r.LaunchSpecification?.ImageId == imageId).Select(r => r.SpotInstanceRequestId).ToList();
        if (requests.Count > 0)
        {
            await ec2.CancelSpotInstanceRequestsAsync(new CancelSpotInstanceRequestsRequest { SpotInstanceRequestIds = requests });
        }
    }

    /// <summary>An Auto Scaling Query call to moto (which routes on the credential scope and checks no signature).</summary>
    private async Task AutoScalingAsync(HttpClient http, string action, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2011-01-01") };
        form.AddRange(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.ServiceUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation(
            "Authorization", $"AWS4-HMAC-SHA256 Credential=testing/20260101/{Region}/autoscaling/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: HTTP {(int)response.StatusCode} {body}");
    }
}
