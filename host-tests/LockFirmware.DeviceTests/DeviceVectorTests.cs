using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using LockFirmware.Tests.Fakes;
using Xunit;

namespace LockFirmware.DeviceTests
{
    /// <summary>
    /// The device tests carry docs/PROTOCOL.md's test vectors as constants (a board cannot read the
    /// repository): each must be the document's value, so the device suite tests what the document says.
    /// </summary>
    public class DeviceVectorTests
    {
        [Fact]
        public void Every_vector_the_device_tests_carry_is_the_documents()
        {
            Dictionary<string, string> document = DocumentVectors();
            FieldInfo[] carried = typeof(ProtocolVectors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(string))
                .ToArray();

            Assert.Equal(22, carried.Length);
            foreach (FieldInfo field in carried)
            {
                string name = DocumentName(field.Name);
                Assert.True(document.ContainsKey(name), $"docs/PROTOCOL.md has no vector '{name}' (ProtocolVectors.{field.Name})");
                Assert.Equal(document[name], (string)field.GetValue(null));
            }
        }

        /// <summary>"HelloFragment0" → "hello fragment 0", "ResponseUnlock1Ok" → "response unlock #1 ok", "EventUnlocked1" → "event unlocked #1".</summary>
        private static string DocumentName(string field)
        {
            var words = new List<string>();
            int start = 0;
            for (int i = 1; i <= field.Length; i++)
            {
                if (i == field.Length || char.IsUpper(field[i]) || (char.IsDigit(field[i]) && !char.IsDigit(field[i - 1])))
                {
                    words.Add(field[start..i].ToLowerInvariant());
                    start = i;
                }
            }

            string name = string.Join(" ", words);
            bool numbered = name.StartsWith("command ", StringComparison.Ordinal) || name.StartsWith("response ", StringComparison.Ordinal) || name.StartsWith("event ", StringComparison.Ordinal);
            return numbered ? System.Text.RegularExpressions.Regex.Replace(name, " ([0-9])", " #$1") : name;
        }

        private static Dictionary<string, string> DocumentVectors()
        {
            string text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "PROTOCOL.md"));
            int start = text.IndexOf("```vectors", StringComparison.Ordinal);
            int end = text.IndexOf("```", start + 3, StringComparison.Ordinal);
            return text[start..end].Split('\n').Skip(1)
                .Where(line => line.Contains(':'))
                .ToDictionary(line => line[..line.IndexOf(':')].Trim(), line => line[(line.IndexOf(':') + 1)..].Trim().ToUpperInvariant());
        }

        private static string RepositoryRoot()
        {
            for (DirectoryInfo dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "docs", "PROTOCOL.md")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("docs/PROTOCOL.md not found above " + AppContext.BaseDirectory);
        }
    }
}
