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
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <exception cref="XmlException">Not well-formed XML.</exception>
    /// <exception cref="FormatException">Well-formed but not the expected shape.</exception>
    public static LaunchConfigurationPage Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var configurations = new List<LaunchConfigurationInfo>();
        string? nextToken = null;
        var sawResult = false;
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "DescribeLaunchConfigurationsResponse")
        {
            throw new FormatException($"expected <DescribeLaunchConfigurationsResponse>, found <{reader.LocalName}>");
        }

        Children(reader, (name, r) =>
        {
            if (name != "DescribeLaunchConfigurationsResult")
            {
                r.Skip();
                return;
            }

            sawResult = true;
            Children(r, (field, rr) =>
            {
                switch (field)
                {
                    case "LaunchConfigurations":
                        Children(rr, (item, member) => Member(item, member, configurations));
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
        Children(reader, (field, r) =>
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

    /// <summary>
    /// Calls <paramref name="onChild"/> for each child element of the element the reader is on; the callback must
    /// consume the child (read its content, recurse, or Skip). Leaves the reader after this element's end tag.
    /// </summary>
    private static void Children(XmlReader reader, Action<string, XmlReader> onChild)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                onChild(reader.LocalName, reader);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }
}
