using System.Globalization;
using Amazon.EC2;
using Sdk = Amazon.EC2.Model;

namespace AmiAutomation.Benchmarks.Memory;

/// <summary>
/// DescribeImages pages as the SDK's unmarshaller hands them over: fresh objects and fresh strings for every page
/// (nothing shared with an earlier page), the same shape as tests/bench/ec2_query_shim.py: families of 20 builds,
/// five tags (Name = the image name, team, environment, build-pipeline, a unique commit), one or two EBS snapshots.
/// </summary>
internal static class SdkImagePages
{
    private static readonly string[] Teams = ["payments", "search", "platform", "data", "web", "mobile", "ml", "infra"];
    private static readonly string[] Environments = ["prod", "staging", "dev"];
    private static readonly DateTime Epoch = new(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);

    public static List<Sdk.Image> Page(int start, int count)
    {
        var page = new List<Sdk.Image>(count);
        for (var i = start; i < start + count; i++)
        {
            page.Add(Image(i));
        }

        return page;
    }

    private static Sdk.Image Image(int i)
    {
        var (family, build) = Math.DivRem(i, 20);
        var name = $"svc{family:D5}-al2023-build-{build}";
        var team = Teams[family % Teams.Length];
        var created = Epoch.AddDays(-(1 + build)).AddSeconds(-(i % 86400)).ToString("yyyy-MM-ddTHH:mm:ss.000Z", CultureInfo.InvariantCulture);
        var devices = new List<Sdk.BlockDeviceMapping> { Device(i, 0, "/dev/xvda", 8) };
        if (i % 5 == 0)
        {
            devices.Add(Device(i, 1, "/dev/xvdb", 100));
        }

        return new Sdk.Image
        {
            ImageId = $"ami-{i:x17}",
            ImageLocation = new string($"123456789012/{name}"),
            State = ImageState.Available,
            OwnerId = new string("123456789012"),
            CreationDate = created,
            Public = false,
            Architecture = family % 3 == 0 ? ArchitectureValues.Arm64 : ArchitectureValues.X86_64,
            ImageType = ImageTypeValues.Machine,
            Name = name,
            Description = $"{team} service image build {build}",
            RootDeviceType = DeviceType.Ebs,
            RootDeviceName = new string("/dev/xvda"),
            BlockDeviceMappings = devices,
            VirtualizationType = VirtualizationType.Hvm,
            Tags =
            [
                new Sdk.Tag(new string("Name"), new string(name)),
                new Sdk.Tag(new string("team"), new string(team)),
                new Sdk.Tag(new string("environment"), new string(Environments[family % Environments.Length])),
                new Sdk.Tag(new string("build-pipeline"), new string("packer")),
                new Sdk.Tag(new string("source-commit"), ((i * 2654435761L) % (1L << 40)).ToString("x10", CultureInfo.InvariantCulture)),
            ],
            Hypervisor = HypervisorType.Xen,
            EnaSupport = true,
            PlatformDetails = new string("Linux/UNIX"),
            UsageOperation = new string("RunInstances"),
            LastLaunchedTime = i % 3 == 0 ? created : null,
            DeregistrationProtection = new string("disabled"),
        };
    }

    private static Sdk.BlockDeviceMapping Device(int image, int index, string device, int size) => new()
    {
        DeviceName = new string(device),
        Ebs = new Sdk.EbsBlockDevice
        {
            SnapshotId = $"snap-{image:x8}{index:x9}",
            VolumeSize = size,
            DeleteOnTermination = true,
            VolumeType = VolumeType.Gp3,
            Encrypted = false,
        },
    };
}
