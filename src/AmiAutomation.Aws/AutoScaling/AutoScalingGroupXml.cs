using System.Xml;
using AmiAutomation.Core.OnDemand;

namespace AmiAutomation.Aws.AutoScaling;

/// <summary>
/// Reads a DescribeAutoScalingGroups answer with <see cref="XmlReader"/>: the first
/// <c>AutoScalingGroups/member</c>'s <c>AutoScalingGroupName</c>, <c>LaunchConfigurationName</c>,
/// <c>LaunchTemplate</c> and <c>MixedInstancesPolicy/LaunchTemplate/{LaunchTemplateSpecification, Overrides/member/LaunchTemplateSpecification}</c>.
/// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html
/// </summary>
internal static class AutoScalingGroupXml
{
    /// <exception cref="XmlException">Not well-formed XML.</exception>
    /// <exception cref="FormatException">Well-formed but not the expected shape.</exception>
    public static AutoScalingGroupLaunchSpec? Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var groups = new List<AutoScalingGroupLaunchSpec>();
        var sawResult = false;
        using var reader = XmlReader.Create(new StringReader(xml), QueryXml.Settings);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "DescribeAutoScalingGroupsResponse")
        {
            throw new FormatException($"expected <DescribeAutoScalingGroupsResponse>, found <{reader.LocalName}>");
        }

        QueryXml.Children(reader, (name, r) =>
        {
            if (name != "DescribeAutoScalingGroupsResult")
            {
                r.Skip();
                return;
            }

            sawResult = true;
            QueryXml.Children(r, (field, rr) =>
            {
                if (field == "AutoScalingGroups")
                {
                    QueryXml.Children(rr, (item, member) => Group(item, member, groups));
                }
                else
                {
                    rr.Skip();
                }
            });
        });

        return sawResult ? groups.FirstOrDefault() : throw new FormatException("no <DescribeAutoScalingGroupsResult> element");
    }

    private static void Group(string name, XmlReader reader, List<AutoScalingGroupLaunchSpec> groups)
    {
        if (name != "member")
        {
            reader.Skip();
            return;
        }

        string? groupName = null, configuration = null;
        var templates = new List<LaunchTemplateRef>();
        QueryXml.Children(reader, (field, r) =>
        {
            switch (field)
            {
                case "AutoScalingGroupName":
                    groupName = QueryXml.Text(r);
                    break;
                case "LaunchConfigurationName":
                    configuration = QueryXml.Text(r);
                    break;
                case "LaunchTemplate":
                    AddTemplate(r, templates);
                    break;
                case "MixedInstancesPolicy":
                    QueryXml.Children(r, (policyField, pr) =>
                    {
                        if (policyField == "LaunchTemplate")
                        {
                            MixedLaunchTemplate(pr, templates);
                        }
                        else
                        {
                            pr.Skip();
                        }
                    });
                    break;
                default:
                    r.Skip();
                    break;
            }
        });

        groups.Add(new AutoScalingGroupLaunchSpec(groupName ?? throw new FormatException("an Auto Scaling group has no AutoScalingGroupName"))
        {
            LaunchConfigurationName = configuration,
            LaunchTemplates = templates,
        });
    }

    private static void MixedLaunchTemplate(XmlReader reader, List<LaunchTemplateRef> templates) =>
        QueryXml.Children(reader, (field, r) =>
        {
            switch (field)
            {
                case "LaunchTemplateSpecification":
                    AddTemplate(r, templates);
                    break;
                case "Overrides":
                    QueryXml.Children(r, (_, member) => QueryXml.Children(member, (overrideField, o) =>
                    {
                        if (overrideField == "LaunchTemplateSpecification")
                        {
                            AddTemplate(o, templates);
                        }
                        else
                        {
                            o.Skip();
                        }
                    }));
                    break;
                default:
                    r.Skip();
                    break;
            }
        });

    private static void AddTemplate(XmlReader reader, List<LaunchTemplateRef> templates)
    {
        string? id = null, name = null, version = null;
        QueryXml.Children(reader, (field, r) =>
        {
            switch (field)
            {
                case "LaunchTemplateId":
                    id = QueryXml.Text(r);
                    break;
                case "LaunchTemplateName":
                    name = QueryXml.Text(r);
                    break;
                case "Version":
                    version = QueryXml.Text(r);
                    break;
                default:
                    r.Skip();
                    break;
            }
        });

        if (id is null && name is null)
        {
            throw new FormatException("a launch template specification has neither LaunchTemplateId nor LaunchTemplateName");
        }

        var template = new LaunchTemplateRef(id, name, version);
        if (!templates.Contains(template))
        {
            templates.Add(template);
        }
    }
}
