using System.Xml;

namespace AmiAutomation.Aws.AutoScaling;

/// <summary>
/// Reads a DescribeLaunchConfigurations answer with <see cref="XmlReader"/> (no reflection, AOT-safe):
/// <c>DescribeLaunchConfigurationsResponse/DescribeLaunchConfigurationsResult/LaunchConfigurations/member</c> →
/// <c>LaunchConfigurationName</c>, <c>ImageId</c>; <c>Result/NextToken</c>. Only direct children count, so nested
/// lists (BlockDeviceMappings/member, SecurityGroups/member) never leak into the result.
/// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeLaunchConfigurations.html
/// </summary>
internal static class LaunchConfigurationXml
{
    /// <exception cref="XmlException">Not well-formed XML.</exception>
    /// <exception cref="FormatException">Well-formed but not the expected shape.</exception>
    public static LaunchConfigurationPage Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var configurations = new List<LaunchConfigurationInfo>();
        string? nextToken = null;
        var sawResult = false;
        using var reader = XmlReader.Create(new StringReader(xml), QueryXml.Settings);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "DescribeLaunchConfigurationsResponse")
        {
            throw new FormatException($"expected <DescribeLaunchConfigurationsResponse>, found <{reader.LocalName}>");
        }

        QueryXml.Children(reader, (name, r) =>
        {
            if (name != "DescribeLaunchConfigurationsResult")
            {
                r.Skip();
                return;
            }

            sawResult = true;
            QueryXml.Children(r, (field, rr) =>
            {
                switch (field)
                {
                    case "LaunchConfigurations":
                        QueryXml.Children(rr, (item, member) => Member(item, member, configurations));
                        break;
                    case "NextToken":
                        nextToken = rr.ReadElementContentAsString().Trim();
                        break;
                    default:
                        rr.Skip();
                        break;
                }
            });
        });

        if (!sawResult)
        {
            throw new FormatException("no <DescribeLaunchConfigurationsResult> element");
        }

        return new LaunchConfigurationPage(configurations, string.IsNullOrEmpty(nextToken) ? null : nextToken);
    }

    private static void Member(string name, XmlReader reader, List<LaunchConfigurationInfo> configurations)
    {
        if (name != "member")
        {
            reader.Skip();
            return;
        }

        string? configurationName = null;
        string? imageId = null;
        QueryXml.Children(reader, (field, r) =>
        {
            switch (field)
            {
                case "LaunchConfigurationName":
                    configurationName = r.ReadElementContentAsString().Trim();
                    break;
                case "ImageId":
                    imageId = r.ReadElementContentAsString().Trim();
                    break;
                default:
                    r.Skip();
                    break;
            }
        });

        if (string.IsNullOrEmpty(configurationName))
        {
            throw new FormatException($"launch configuration #{configurations.Count + 1} has no LaunchConfigurationName");
        }

        configurations.Add(new LaunchConfigurationInfo(configurationName, string.IsNullOrEmpty(imageId) ? null : imageId));
    }
}
