using AmiAutomation.Core.Families;

namespace AmiAutomation.Core.Tests.Families;

/// <summary>
/// The built-in family rule on real-world-shaped names: lines whose major version differs are never merged, builds of
/// one line always are. Issue 13 item 4: the old rule put <c>centos-7.9</c> and <c>centos-8.x</c> in one family.
/// </summary>
public sealed class DefaultFamilyRuleTests
{
    public static TheoryData<string, string> Names => new()
    {
        // Operating system lines: the major stays.
        { "centos-7.9", "centos-7" },
        { "centos-7.8", "centos-7" },
        { "centos-8.x", "centos-8" },
        { "centos-8.5", "centos-8" },
        { "centos-7", "centos-7" },
        { "centos-7.9-2009", "centos-7" },
        { "ubuntu-20.04", "ubuntu-20" },
        { "ubuntu-24.04", "ubuntu-24" },
        { "ubuntu-22.04-20240301", "ubuntu-22" },
        { "ubuntu-22.04-amd64-20240301", "ubuntu-22-amd64" },
        { "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240101", "ubuntu/images/hvm-ssd/ubuntu-jammy-22-amd64-server" },
        { "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240215.1", "ubuntu/images/hvm-ssd/ubuntu-jammy-22-amd64-server" },
        { "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20240423", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24-arm64-server" },
        { "ubuntu-2204-jammy-v20240110", "ubuntu-2204-jammy" },
        { "ubuntu-2404-noble-v20240501", "ubuntu-2404-noble" },
        { "rhel-9-1", "rhel-9" },
        { "RHEL-9.3.0_HVM-20231101-x86_64-5-Hourly2-GP3", "RHEL-9_HVM-x86_64-Hourly2-GP3" },
        { "RHEL-8.8.0_HVM-20230503-x86_64-54-Hourly2-GP2", "RHEL-8_HVM-x86_64-Hourly2-GP2" },
        { "debian-12-amd64-20240102-1614", "debian-12-amd64" },
        { "debian-11-amd64-20231228-1609", "debian-11-amd64" },
        { "amzn2-ami-kernel-5.10-hvm-2.0.20240109.0-x86_64-gp2", "amzn2-ami-kernel-5-hvm-2-x86_64-gp2" },
        { "amzn2-ami-kernel-5.10-hvm-2.0.20240306.2-x86_64-gp2", "amzn2-ami-kernel-5-hvm-2-x86_64-gp2" },
        { "amzn2-ami-kernel-5.10-hvm-2.0.20240109.0-arm64-gp2", "amzn2-ami-kernel-5-hvm-2-arm64-gp2" },
        { "amzn2-ami-hvm-2.0.20240306.2-x86_64-gp2", "amzn2-ami-hvm-2-x86_64-gp2" },
        { "al2023-ami-2023.3.20240108.0-kernel-6.1-x86_64", "al2023-ami-2023-kernel-6-x86_64" },
        { "al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64", "al2023-ami-2023-kernel-6-x86_64" },
        { "al2023-ami-minimal-2023.3.20240108.0-kernel-6.1-arm64", "al2023-ami-minimal-2023-kernel-6-arm64" },
        { "Windows_Server-2022-English-Full-Base-2024.01.10", "Windows_Server-2022-English-Full-Base" },
        { "Windows_Server-2022-English-Full-Base-2024.02.14", "Windows_Server-2022-English-Full-Base" },
        { "Windows_Server-2019-English-Full-Base-2024.01.10", "Windows_Server-2019-English-Full-Base" },
        { "Windows_Server-2016-English-Full-SQL_2019_Standard-2024.01.10", "Windows_Server-2016-English-Full-SQL_2019_Standard" },

        // Kubernetes lines: 1.28 and 1.29 are different lines (a two-part 0.x/1.x version keeps its minor).
        { "eks-node-1.29-v20240110", "eks-node-1.29" },
        { "eks-node-1.29-v20240209", "eks-node-1.29" },
        { "eks-node-1.28-v20240110", "eks-node-1.28" },
        { "amazon-eks-node-al2023-x86_64-standard-1.30-v20240703", "amazon-eks-node-al2023-x86_64-standard-1.30" },
        { "bottlerocket-aws-k8s-1.29-x86_64-v1.19.0-c4b5ff9d", "bottlerocket-aws-k8s-1.29-x86_64-v1" },
        { "bottlerocket-aws-k8s-1.29-x86_64-v1.19.2-29cc92cc", "bottlerocket-aws-k8s-1.29-x86_64-v1" },

        // Applications: the major stays, minor/patch and every stamp go.
        { "myapp-1.2.3", "myapp-1" },
        { "myapp-1.2.4", "myapp-1" },
        { "myapp-2.0.0", "myapp-2" },
        { "myapp-1.2.3-20240101-build7", "myapp-1" },
        { "myapp-1.2.4-20240102-build8", "myapp-1" },
        { "myapp-1.2.3-rc1", "myapp-1" },
        { "myapp_1.2.3_b17", "myapp_1" },
        { "myapp-1.2.3-r3", "myapp-1" },
        { "myapp-1.2.3-7", "myapp-1" },
        { "myapp-3.1-20240101T120000Z", "myapp-3" },
        { "web-2.4.1-2024-01-01", "web-2" },
        { "web-2.4.1-2024-01-01T12-00-00Z", "web-2" },
        { "web-v12", "web-v12" },
        { "web-v12.3", "web-v12" },
        { "web-V2.1", "web-V2" },

        // Stamps alone: dates, times, epoch seconds and milliseconds, build counters.
        { "web-2024.03.01", "web" },
        { "web-20240301", "web" },
        { "web-20240301T1200Z", "web" },
        { "web-20240301T120000Z", "web" },
        { "web-20240301-1200", "web" },
        { "web-202403011200", "web" },
        { "web-2024-03-01", "web" },
        { "web-2024-03-01T12-00-00Z", "web" },
        { "web-1712345678", "web" },
        { "web-1712345678123", "web" },
        { "packer-1704067200", "packer" },
        { "web-build-123", "web" },
        { "web-build42", "web" },
        { "web_build_7", "web" },
        { "web-b17", "web" },
        { "web-r3", "web" },
        { "web-2025.03.18-6", "web" },
        { "web-20250318_12", "web" },
        { "web--20240301--", "web" },
        { "web 20240301", "web" },
        { "base-20240101-123", "base" },
        { "golden-ami-12345", "golden-ami" },
        { "api.server.1.0", "api.server.1.0" },
        { "my-app-v2-1.0", "my-app-v2-1.0" },

        // Cannot tell a build from a line: kept apart (a family of one is always kept).
        { "web-2024", "web-2024" },
        { "web-41", "web-41" },
        { "web", "web" },
        { "web-prod", "web-prod" },
        { "web-prod-eu", "web-prod-eu" },
        { "20240301", "20240301" },
        { "-20240301", "-20240301" },
        { "1.2.3", "1" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void FromName_RealWorldNames_GetTheirLine(string name, string family)
    {
        Assert.Equal(family, FamilyResolver.Default.FromName(name));
    }

    [Theory]
    [InlineData("centos-7.9", "centos-8.x")]
    [InlineData("centos-7.9-20240101", "centos-8.5-20240101")]
    [InlineData("ubuntu-20.04", "ubuntu-24.04")]
    [InlineData("ubuntu-22.04-20240301", "ubuntu-24.04-20240301")]
    [InlineData("ubuntu/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-20240101", "ubuntu/images/hvm-ssd/ubuntu-focal-22.04-amd64-server-20240101")]
    [InlineData("myapp-1.2.3", "myapp-2.0.0")]
    [InlineData("amzn2-ami-kernel-5.10-hvm-2.0.20240109.0-x86_64-gp2", "amzn2-ami-kernel-6.1-hvm-2.0.20240109.0-x86_64-gp2")]
    [InlineData("amzn2-ami-kernel-5.10-hvm-2.0.20240109.0-x86_64-gp2", "amzn2-ami-kernel-5.10-hvm-2.0.20240109.0-arm64-gp2")]
    [InlineData("Windows_Server-2019-English-Full-Base-2024.01.10", "Windows_Server-2022-English-Full-Base-2024.01.10")]
    [InlineData("eks-node-1.28-v20240110", "eks-node-1.29-v20240110")]
    [InlineData("debian-11-amd64-20240102-1614", "debian-12-amd64-20240102-1614")]
    [InlineData("web-1.0.0", "web-v1.0.0")]
    public void FromName_DifferentLines_NeverMerged(string first, string second)
    {
        Assert.NotEqual(FamilyResolver.Default.FromName(first), FamilyResolver.Default.FromName(second));
    }

    [Theory]
    [InlineData("centos-7.8", "centos-7.9-2009")]
    [InlineData("ubuntu-22.04-20240101", "ubuntu-22.04-20240301")]
    [InlineData("myapp-1.2.3", "myapp-1.2.4")]
    [InlineData("myapp-1.2.3-20240101-build7", "myapp-1.9.0-20250101T000000Z")]
    [InlineData("amzn2-ami-kernel-5.10-hvm-2.0.20240109.0-x86_64-gp2", "amzn2-ami-kernel-5.10-hvm-2.0.20240306.2-x86_64-gp2")]
    [InlineData("al2023-ami-2023.3.20240108.0-kernel-6.1-x86_64", "al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64")]
    [InlineData("Windows_Server-2022-English-Full-Base-2024.01.10", "Windows_Server-2022-English-Full-Base-2024.02.14")]
    [InlineData("eks-node-1.29-v20240110", "eks-node-1.29-v20240209")]
    [InlineData("packer-1704067200", "packer-1704153600")]
    [InlineData("web-build41", "web-build42")]
    [InlineData("base-20240101-1", "base-20240102-17")]
    public void FromName_BuildsOfOneLine_AlwaysMerged(string first, string second)
    {
        Assert.Equal(FamilyResolver.Default.FromName(first), FamilyResolver.Default.FromName(second));
    }
}
