A line with a tag   # tag one   
Next.
// expect: A line with a tag
// expect tags: tag one
// expect: Next.
